SELECT
  pr.framework AS programme,
  MIN(pr.start_year) AS first_year,
  MAX(pr.start_year) AS last_year,
  COUNT(*) AS participations,
  COUNT(DISTINCT pr.project_key) AS projects,
  SUM(p.ec_contribution) AS ec_contribution_eur
FROM participation AS p
JOIN project AS pr
  USING (project_key)
WHERE
  p.pic = ?
GROUP BY
  pr.framework
ORDER BY
  MIN(pr.start_year),
  pr.framework
