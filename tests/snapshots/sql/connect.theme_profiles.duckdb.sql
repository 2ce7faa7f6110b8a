SELECT
  p.pic,
  pp.programme_part AS t,
  COUNT(*) AS n
FROM participation AS p
JOIN (
  SELECT DISTINCT
    project_key,
    programme_part
  FROM project_part
) AS pp
  USING (project_key)
GROUP BY
  1,
  2
