SELECT
  indicator,
  measure,
  breakdown,
  year,
  value,
  unit,
  source,
  method
FROM indicator_value
WHERE
  ecosystem_id = ? AND indicator IN ('15', '16', '17')
ORDER BY
  indicator NULLS LAST,
  measure NULLS LAST,
  breakdown NULLS LAST,
  year
