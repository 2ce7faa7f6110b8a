SELECT
  COUNT(*)
FROM stg_values
