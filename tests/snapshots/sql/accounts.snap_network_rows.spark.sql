SELECT
  metric,
  value
FROM snapshot_network
WHERE
  snapshot_id = ?
ORDER BY
  metric NULLS LAST
