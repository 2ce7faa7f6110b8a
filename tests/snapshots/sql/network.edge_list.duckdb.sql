SELECT
  ecosystem_id,
  source,
  target,
  projects,
  fractional
FROM network_edge
ORDER BY
  1,
  2,
  3
