SELECT
  COALESCE(SUM(q.ec_contribution), 0)
FROM participation AS q
WHERE
  q.project_key IN (
    SELECT
      project_key
    FROM participation
    WHERE
      pic IN (
        SELECT
          EXPLODE(CAST(? AS ARRAY<BIGINT>))
      )
  )
