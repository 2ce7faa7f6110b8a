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
  ARRAY_CONTAINS(ARRAY('delft'), s.ecosystem_id)
  AND (
    NULL IS NULL OR s.start_year >= NULL
  )
  AND (
    2019 IS NULL OR s.start_year <= 2019
  )
GROUP BY
  1,
  2
