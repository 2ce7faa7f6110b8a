SELECT
  package_id,
  ecosystem_id,
  name,
  imported_at,
  content
FROM monitoring_package
ORDER BY
  imported_at
