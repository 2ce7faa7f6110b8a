SELECT
  pr.start_year,
  COUNT(DISTINCT a.project_key) AS projects,
  COALESCE(SUM(b.ec_contribution), 0) AS firm_ec
FROM participation AS a
JOIN participation AS b
  ON a.project_key = b.project_key
JOIN project AS pr
  ON pr.project_key = a.project_key
WHERE
  a.pic IN (
    SELECT
      EXPLODE(CAST(? AS ARRAY<BIGINT>))
  )
  AND b.pic IN (
    SELECT
      EXPLODE(CAST(? AS ARRAY<BIGINT>))
  )
GROUP BY
  1
ORDER BY
  1 NULLS LAST
