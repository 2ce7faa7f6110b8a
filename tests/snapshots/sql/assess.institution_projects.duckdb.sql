SELECT
  COUNT(DISTINCT project_key)
FROM participation
WHERE
  pic IN (
    SELECT
      UNNEST(CAST(? AS BIGINT[]))
  )
