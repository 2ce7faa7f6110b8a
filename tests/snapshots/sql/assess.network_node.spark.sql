SELECT
  degree,
  betweenness,
  community
FROM network_node
WHERE
  ecosystem_id = ? AND pic = ?
