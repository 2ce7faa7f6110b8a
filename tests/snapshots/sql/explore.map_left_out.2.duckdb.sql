SELECT
  COUNT(*)
FROM org_location AS l
JOIN organisation AS o
  USING (pic)
WHERE
  o.participations > 0 AND l.municipality_code IS NULL
