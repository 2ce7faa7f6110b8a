SELECT
  _row,
  TRIM(indicator)
FROM stg_values
WHERE
  NOT TRIM(indicator) IN (
    SELECT
      UNNEST(CAST(? AS TEXT[]))
  )
ORDER BY
  _row
LIMIT 20
