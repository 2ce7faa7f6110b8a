SELECT
  _row,
  "Banen_2"
FROM stg_statline
WHERE
  NOT "Banen_2" IS NULL
  AND TRY_CAST(REPLACE("Banen_2", ',', '.') AS DOUBLE) IS NULL
ORDER BY
  _row
LIMIT 1
