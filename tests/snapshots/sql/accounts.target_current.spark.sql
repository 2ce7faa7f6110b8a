SELECT
  batch_id,
  target_value,
  target_year,
  baseline_value,
  baseline_year,
  direction,
  note,
  set_by
FROM target
WHERE
  superseded_at IS NULL
  AND ecosystem_id = ?
  AND indicator = ?
  AND measure = ?
  AND breakdown = ?
