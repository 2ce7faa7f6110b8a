SELECT
  _row,
  `unit`
FROM stg_values
WHERE
  `unit` IS NULL OR TRIM(`unit`) = ''
ORDER BY
  _row NULLS LAST
LIMIT 20
