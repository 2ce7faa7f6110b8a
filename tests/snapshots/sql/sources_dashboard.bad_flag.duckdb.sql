SELECT
  _row,
  sme_flag
FROM stg_dashboard
WHERE
  NOT sme_flag IS NULL AND NOT LOWER(TRIM(sme_flag)) IN ('yes', 'no')
ORDER BY
  _row
LIMIT 1
