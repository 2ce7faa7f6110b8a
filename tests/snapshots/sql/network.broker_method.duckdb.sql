SELECT
  metric,
  value,
  detail
FROM network_metric
WHERE
  ecosystem_id = ? AND metric LIKE 'betweenness_%'
