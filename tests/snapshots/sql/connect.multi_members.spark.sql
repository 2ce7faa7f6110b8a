SELECT
  m.pic,
  o.label,
  o.activity_type,
  COUNT(*) AS ecosystems,
  COLLECT_LIST(m.ecosystem_id) AS ids
FROM ecosystem_member AS m
JOIN organisation AS o
  USING (pic)
WHERE
  ARRAY_CONTAINS(ARRAY('delft-adjacent', 'leiden-adjacent'), m.ecosystem_id)
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
  m.pic NULLS LAST
LIMIT 20
