SELECT
  pr.framework AS programme,
  MIN(pr.start_year) AS first_year,
  MAX(pr.start_year) AS last_year,
  COUNT(DISTINCT pr.project_key) AS projects,
  COUNT(*) AS participations,
  COUNT(DISTINCT p.pic) AS organisations,
  ARRAY_AGG(DISTINCT b.dataset ORDER BY b.dataset) AS datasets,
  ARRAY_AGG(DISTINCT b.file ORDER BY b.file) AS files
FROM participation AS p
JOIN project AS pr
  USING (project_key)
JOIN import_batch AS b
  ON b.batch_id = p.batch_id
GROUP BY
  pr.framework
ORDER BY
  MIN(pr.start_year),
  pr.framework
