SELECT
  name,
  kind,
  MAX(version) AS versions,
  CAST(MAX(created_at) AS STRING) AS last_changed
FROM assessment
GROUP BY
  name,
  kind
ORDER BY
  name NULLS LAST
