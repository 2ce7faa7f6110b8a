SELECT
  pp.programme_part,
  COUNT(DISTINCT p.pic)
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
  ARRAY_CONTAINS(CAST(? AS TEXT[]), p.country)
  AND (
    ? IS NULL OR pr.start_year >= ?
  )
  AND (
    ? IS NULL OR pr.start_year <= ?
  )
GROUP BY
  1
