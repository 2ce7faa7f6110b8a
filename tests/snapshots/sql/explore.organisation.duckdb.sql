SELECT
  o.*,
  l.municipality,
  l.corop,
  l.province,
  l.knowledge_city,
  l.method AS placement
FROM organisation AS o
LEFT JOIN org_location AS l
  USING (pic)
WHERE
  o.pic = ?
