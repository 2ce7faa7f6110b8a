SELECT
  metric,
  value,
  detail
FROM network_metric
WHERE
  ecosystem_id = ?
