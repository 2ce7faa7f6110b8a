SELECT
  MIN(pr.start_year),
  MAX(pr.start_year)
FROM participation AS p
JOIN project AS pr
  USING (project_key)
WHERE
  p.batch_id = ?
