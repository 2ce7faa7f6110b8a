SELECT
  batch_id,
  target_value,
  target_year,
  baseline_value,
  baseline_year,
  direction,
  note,
  set_by,
  superseded_at
FROM target
WHERE
  ecosystem_id = ?
  AND indicator = ?
  AND measure = ?
  AND breakdown = ?
  AND batch_id = ?
