SELECT DISTINCT
  l.knowledge_city,
  l.municipality_code,
  s.geometry
FROM org_location AS l
JOIN geo_shape AS s
  ON s.code = l.municipality_code
  AND s.level = 'municipality'
  AND s.year = (
    SELECT
      MIN(year)
    FROM geo_shape
    WHERE
      level = 'municipality'
  )
WHERE
  NOT l.knowledge_city IS NULL
ORDER BY
  1 NULLS LAST
