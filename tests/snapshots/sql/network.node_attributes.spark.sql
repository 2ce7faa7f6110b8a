SELECT
  m.ecosystem_id,
  m.pic,
  o.activity_type,
  o.sme,
  o.actor_type
FROM ecosystem_member AS m
JOIN organisation AS o
  USING (pic)
ORDER BY
  1 NULLS LAST,
  2 NULLS LAST
