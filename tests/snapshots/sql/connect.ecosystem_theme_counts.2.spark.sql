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
  ARRAY_CONTAINS(ARRAY('delft'), s.ecosystem_id)
  AND (
    2016 IS NULL OR s.start_year >= 2016
  )
  AND (
    2018 IS NULL OR s.start_year <= 2018
  )
GROUP BY
  1,
  2
