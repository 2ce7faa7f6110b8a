SELECT
  name,
  kind,
  MAX(version) AS versions,
  CAST(MAX(created_at) AS TEXT) AS last_changed
FROM assessment
GROUP BY
  name,
  kind
ORDER BY
  name
