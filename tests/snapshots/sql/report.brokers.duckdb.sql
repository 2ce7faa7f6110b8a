SELECT
  o.pic,
  o.label,
  o.activity_type,
  n.degree,
  n.betweenness
FROM network_node AS n
JOIN organisation AS o
  USING (pic)
WHERE
  n.ecosystem_id = ? AND n.betweenness > 0
ORDER BY
  n.betweenness DESC,
  o.pic
LIMIT 10
