SELECT
  l.municipality_code,
  COALESCE(SUM(p.ec_contribution), 0)
FROM participation AS p
JOIN org_location AS l
  USING (pic)
WHERE
  NOT l.municipality_code IS NULL
GROUP BY
  1
