SELECT
  COUNT(*)
FROM stg_values
WHERE
  NOT "kind" IS NULL
  AND NOT LOWER(TRIM("kind")) IN (
    SELECT
      UNNEST(CAST(? AS TEXT[]))
  )
