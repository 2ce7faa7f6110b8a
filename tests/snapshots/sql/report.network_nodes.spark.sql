SELECT
  n.pic,
  n.x,
  n.y,
  n.degree,
  o.label,
  o.activity_type
FROM network_node AS n
JOIN organisation AS o
  USING (pic)
WHERE
  n.ecosystem_id = ? AND NOT n.x IS NULL
ORDER BY
  n.pic NULLS LAST
