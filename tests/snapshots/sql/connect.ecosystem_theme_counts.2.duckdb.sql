SELECT
  s.ecosystem_id,
  pp.programme_part,
  COUNT(DISTINCT s.pic),
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
