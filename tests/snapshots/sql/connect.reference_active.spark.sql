SELECT
  pr.start_year,
  COUNT(DISTINCT p.pic),
  COUNT(DISTINCT p.pic) FILTER(WHERE
    NOT l.municipality_code IS NULL)
FROM participation AS p
JOIN project AS pr
  USING (project_key)
LEFT JOIN org_location AS l
  USING (pic)
WHERE
  p.country = 'NL' AND pr.start_year BETWEEN ? AND ?
GROUP BY
  1
