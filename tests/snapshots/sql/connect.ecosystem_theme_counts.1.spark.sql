SELECT
  s.ecosystem_id,
  pp.programme_part,
  COUNT(*),
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
  ARRAY_CONTAINS(ARRAY('delft', 'leiden'), s.ecosystem_id)
  AND (
    NULL IS NULL OR s.start_year >= NULL
  )
  AND (
    NULL IS NULL OR s.start_year <= NULL
  )
GROUP BY
  1,
  2
