SELECT
  measure,
  breakdown,
  value
FROM indicator_value
WHERE
  ecosystem_id = ? AND year IS NULL
