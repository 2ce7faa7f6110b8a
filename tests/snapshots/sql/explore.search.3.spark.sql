SELECT
  o.pic,
  o.label,
  o.activity_type,
  o.actor_type,
  o.country,
  o.city,
  l.municipality,
  o.participations
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
ORDER BY
  o.participations DESC,
  o.pic NULLS LAST
LIMIT 20
OFFSET 0
