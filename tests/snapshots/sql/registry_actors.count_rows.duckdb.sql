SELECT
  COUNT(*)
FROM stg_actors
