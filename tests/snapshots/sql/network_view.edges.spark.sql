SELECT
  source AS a,
  target AS b,
  projects AS w
FROM network_edge
WHERE
  ecosystem_id = ?
