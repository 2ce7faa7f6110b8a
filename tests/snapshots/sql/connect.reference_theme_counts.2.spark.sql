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
  ARRAY_CONTAINS(CAST(ARRAY('NL', 'BE', 'DE') AS ARRAY<STRING>), p.country)
  AND (
    2016 IS NULL OR pr.start_year >= 2016
  )
  AND (
    2018 IS NULL OR pr.start_year <= 2018
  )
GROUP BY
  1
