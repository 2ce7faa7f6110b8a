SELECT
  metric,
  value,
  detail
FROM copub_metric
WHERE
  ecosystem_id = ?
ORDER BY
  metric NULLS LAST
