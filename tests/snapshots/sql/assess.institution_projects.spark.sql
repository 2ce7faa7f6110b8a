SELECT
  COUNT(DISTINCT project_key)
FROM participation
WHERE
  pic IN (
    SELECT
      EXPLODE(CAST(? AS ARRAY<BIGINT>))
  )
