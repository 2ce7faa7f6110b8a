SELECT
  COUNT(*)
FROM (
  DESCRIBE stg_org
)
WHERE
  column_name = ?
