SELECT
  ecosystem_id,
  metric,
  value
FROM network_metric
WHERE
  metric IN ('components', 'largest_component_share', 'modularity')
