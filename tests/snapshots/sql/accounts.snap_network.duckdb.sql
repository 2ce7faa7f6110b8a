INSERT INTO snapshot_network
SELECT
  ?,
  metric,
  value
FROM network_metric
WHERE
  ecosystem_id = ?
