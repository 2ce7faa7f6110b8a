SELECT
  COALESCE(x.metric, y.metric) AS metric,
  x.value AS a,
  y.value AS b
FROM (
  SELECT
    metric,
    value
  FROM snapshot_network
  WHERE
    snapshot_id = 0
) AS x
FULL OUTER JOIN (
  SELECT
    metric,
    value
  FROM snapshot_network
  WHERE
    snapshot_id = 0
) AS y
  ON x.metric = y.metric
ORDER BY
  metric NULLS LAST
