SELECT
  COUNT(*)
FROM stg_values
WHERE
  `unit` IS NULL OR TRIM(`unit`) = ''
