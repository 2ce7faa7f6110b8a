SELECT
  _row,
  TRIM(indicator)
FROM stg_values
WHERE
  NOT TRIM(indicator) IN (
    SELECT
      EXPLODE(CAST(ARRAY('1', '2') AS ARRAY<STRING>))
  )
ORDER BY
  _row NULLS LAST
LIMIT 20
