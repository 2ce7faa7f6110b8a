SELECT
  table_name
FROM information_schema."columns"
WHERE
  table_catalog = CURRENT_DATABASE()
  AND table_schema = 'main'
  AND column_name = 'batch_id'
  AND table_name <> 'import_batch'
ORDER BY
  table_name
