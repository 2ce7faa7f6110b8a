INSERT INTO snapshot_indicator
SELECT
  ?,
  indicator,
  measure,
  breakdown,
  year,
  value,
  unit
FROM indicator_value
WHERE
  ecosystem_id = ?
