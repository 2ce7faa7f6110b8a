INSERT INTO snapshot_input
SELECT
  ?,
  input_id,
  indicator,
  breakdown,
  year,
  value,
  unit,
  confidential
FROM indicator_input
WHERE
  ecosystem_id = ? AND superseded_at IS NULL
