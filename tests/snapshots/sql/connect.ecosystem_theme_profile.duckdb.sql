SELECT
  pp.programme_part,
  COUNT(*)
FROM scope AS s
JOIN (
  SELECT DISTINCT
    project_key,
    programme_part
  FROM project_part
) AS pp
  USING (project_key)
WHERE
  s.ecosystem_id = ?
GROUP BY
  1
