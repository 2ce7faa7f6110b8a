SELECT
  COUNT(*)
FROM stg_org
