SELECT
  indicator,
  measure,
  breakdown,
  year,
  value,
  unit
FROM indicator_value
WHERE
  ecosystem_id = ? AND NOT year IS NULL
ORDER BY
  indicator,
  measure,
  breakdown,
  year
