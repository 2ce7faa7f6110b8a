SELECT
  pr.start_year,
  COUNT(DISTINCT pr.project_key)
FROM participation AS p
JOIN project AS pr
  USING (project_key)
WHERE
  p.batch_id = ? AND NOT pr.start_year IS NULL
GROUP BY
  1
ORDER BY
  1 NULLS LAST
