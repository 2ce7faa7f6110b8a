SELECT
  m.pic,
  o.label,
  o.activity_type,
  n.community,
  n.betweenness
FROM ecosystem_member AS m
JOIN organisation AS o
  ON o.pic = m.pic
LEFT JOIN network_node AS n
  ON n.ecosystem_id = m.ecosystem_id AND n.pic = m.pic
WHERE
  m.ecosystem_id = ?
ORDER BY
  m.pic NULLS LAST
