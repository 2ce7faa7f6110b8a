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
    snapshot_id = ?
) AS x
FULL OUTER JOIN (
  SELECT
    metric,
    value
  FROM snapshot_network
  WHERE
    snapshot_id = ?
) AS y
  ON x.metric = y.metric
ORDER BY
  metric
