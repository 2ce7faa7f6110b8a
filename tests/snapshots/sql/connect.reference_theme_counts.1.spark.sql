SELECT
  pp.programme_part,
  COUNT(*)
FROM participation AS p
JOIN (
  SELECT DISTINCT
    project_key,
    programme_part
  FROM project_part
) AS pp
  USING (project_key)
JOIN project AS pr
  ON pr.project_key = p.project_key
WHERE
  p.country = 'NL'
  AND (
    NULL IS NULL OR pr.start_year >= NULL
  )
  AND (
    NULL IS NULL OR pr.start_year <= NULL
  )
GROUP BY
  1
