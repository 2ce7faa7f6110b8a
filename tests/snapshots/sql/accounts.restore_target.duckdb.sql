INSERT INTO target
SELECT
  ecosystem_id,
  indicator,
  measure,
  breakdown,
  target_value,
  target_year,
  baseline_value,
  baseline_year,
  direction,
  note,
  set_by,
  ?,
  source_row,
  NULL,
  NULL
FROM target
WHERE
  ecosystem_id = ?
  AND indicator = ?
  AND measure = ?
  AND breakdown = ?
  AND batch_id = ?
