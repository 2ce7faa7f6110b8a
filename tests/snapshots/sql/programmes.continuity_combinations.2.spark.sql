SELECT
  programmes,
  COUNT(*) AS organisations
FROM (
  SELECT
    p.pic,
    COLLECT_LIST(DISTINCT pr.framework) AS programmes
  FROM participation AS p
  JOIN project AS pr
    USING (project_key)
  GROUP BY
    p.pic
)
GROUP BY
  programmes
ORDER BY
  2 DESC
