SELECT
  table_name
FROM information_schema.tables
WHERE
  table_catalog = CURRENT_DATABASE()
  AND table_schema = 'main'
  AND table_type = 'BASE TABLE'
ORDER BY
  table_name
