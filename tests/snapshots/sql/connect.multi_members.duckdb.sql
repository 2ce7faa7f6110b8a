SELECT
  m.pic,
  o.label,
  o.activity_type,
  COUNT(*) AS ecosystems,
  ARRAY_AGG(m.ecosystem_id ORDER BY m.ecosystem_id) AS ids
FROM ecosystem_member AS m
JOIN organisation AS o
  USING (pic)
WHERE
  ARRAY_CONTAINS(?, m.ecosystem_id)
GROUP BY
  m.pic,
  o.label,
  o.activity_type,
  o.participations
HAVING
  COUNT(*) >= 2
ORDER BY
  ecosystems DESC,
  o.participations DESC,
  m.pic
LIMIT 20
