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
      UNNEST(CAST(? AS BIGINT[]))
  )
  AND b.pic IN (
    SELECT
      UNNEST(CAST(? AS BIGINT[]))
  )
GROUP BY
  1
ORDER BY
  1
