SELECT
  COUNT(*)
FROM information_schema.tables
WHERE
  table_name = 'app_user'
