SELECT
  ecosystem_id,
  source,
  target,
  projects,
  fractional
FROM network_edge
ORDER BY
  1 NULLS LAST,
  2 NULLS LAST,
  3 NULLS LAST
