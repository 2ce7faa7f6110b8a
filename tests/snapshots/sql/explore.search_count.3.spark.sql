SELECT
  COUNT(*)
FROM organisation AS o
LEFT JOIN org_location AS l
  USING (pic)
WHERE
  o.participations > 0
  AND (
    l.municipality_code = 'GM0503'
    OR l.corop_code = 'GM0503'
    OR l.province_code = 'GM0503'
  )
  AND (
    o.pic = 999 OR CAST(o.pic AS STRING) LIKE '999%'
  )
