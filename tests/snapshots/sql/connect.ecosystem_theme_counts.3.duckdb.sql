SELECT
  s.ecosystem_id,
  pp.programme_part,
  COALESCE(SUM(s.ec_contribution), 0),
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
  ARRAY_CONTAINS(?, s.ecosystem_id)
  AND (
    ? IS NULL OR s.start_year >= ?
  )
  AND (
    ? IS NULL OR s.start_year <= ?
  )
GROUP BY
  1,
  2
