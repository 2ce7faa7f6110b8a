SELECT
  COUNT(*)
FROM organisation AS o
LEFT JOIN org_location AS l
  USING (pic)
WHERE
  o.participations > 0
  AND (
    l.municipality_code = ? OR l.corop_code = ? OR l.province_code = ?
  )
  AND (
    o.pic = ? OR CAST(o.pic AS TEXT) LIKE ?
  )
