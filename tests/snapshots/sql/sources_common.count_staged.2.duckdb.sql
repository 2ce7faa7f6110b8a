SELECT
  COUNT(*)
FROM stg_ris
