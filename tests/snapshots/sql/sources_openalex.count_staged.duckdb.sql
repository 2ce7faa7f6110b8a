SELECT
  COUNT(*)
FROM stg_openalex
