SELECT
  COUNT(*)
FROM stg_openalex_w
