SELECT
  COUNT(*) - COUNT(DISTINCT (
    TRIM(key)
  ))
FROM stg_defs
