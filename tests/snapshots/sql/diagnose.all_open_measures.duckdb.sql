SELECT
  ecosystem_id,
  measure,
  breakdown,
  value
FROM indicator_value
WHERE
  year IS NULL
