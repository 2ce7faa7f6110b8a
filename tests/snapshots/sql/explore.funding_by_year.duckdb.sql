SELECT
  pr.start_year AS year,
  COUNT(*) AS participations,
  COALESCE(SUM(p.ec_contribution), 0) AS ec_contribution_eur
FROM participation AS p
JOIN project AS pr
  USING (project_key)
WHERE
  p.pic = ? AND NOT pr.start_year IS NULL
GROUP BY
  1
ORDER BY
  1
