SELECT
  column_name
FROM (
  DESCRIBE stg_values
)
