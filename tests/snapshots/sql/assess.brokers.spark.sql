SELECT
  o.label,
  n.betweenness
FROM network_node AS n
JOIN organisation AS o
  USING (pic)
WHERE
  n.ecosystem_id = ?
ORDER BY
  n.betweenness DESC,
  n.pic NULLS LAST
LIMIT 5
