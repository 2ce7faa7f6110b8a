SELECT
  o.*,
  l.municipality,
  l.province_code,
  l.province
FROM organisation AS o
LEFT JOIN org_location AS l
  USING (pic)
WHERE
  o.pic = ?
