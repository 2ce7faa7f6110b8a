SELECT
  o.pic,
  o.label,
  o.activity_type,
  o.actor_type,
  l.municipality,
  COUNT(*) AS participations,
  SUM(s.ec_contribution) AS ec,
  n.degree,
  n.betweenness
FROM scope AS s
JOIN organisation AS o
  USING (pic)
LEFT JOIN org_location AS l
  USING (pic)
LEFT JOIN network_node AS n
  ON n.ecosystem_id = s.ecosystem_id AND n.pic = s.pic
WHERE
  s.ecosystem_id = 'delft'
GROUP BY ALL
ORDER BY
  participations DESC,
  o.pic NULLS LAST
LIMIT 15
