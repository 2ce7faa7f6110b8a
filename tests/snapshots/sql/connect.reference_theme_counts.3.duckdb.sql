SELECT
  pp.programme_part,
  COALESCE(SUM(p.ec_contribution), 0)
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
  TRUE
  AND (
    ? IS NULL OR pr.start_year >= ?
  )
  AND (
    ? IS NULL OR pr.start_year <= ?
  )
GROUP BY
  1
