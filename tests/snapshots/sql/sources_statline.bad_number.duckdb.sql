SELECT
  _row,
  "Banen_2"
FROM stg_statline
WHERE
  NOT "Banen_2" IS NULL
  AND NOT COALESCE(ISFINITE(TRY_CAST(REPLACE("Banen_2", ',', '.') AS DOUBLE)), FALSE)
ORDER BY
  _row
LIMIT 1
