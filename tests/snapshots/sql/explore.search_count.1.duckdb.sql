SELECT
  COUNT(*)
FROM organisation AS o
LEFT JOIN org_location AS l
  USING (pic)
WHERE
  o.participations > 0
