SELECT
  _row,
  "unit"
FROM stg_values
WHERE
  "unit" IS NULL OR TRIM("unit") = ''
ORDER BY
  _row
LIMIT 20
