DELETE FROM custom_indicator
WHERE
  key IN (
    SELECT
      TRIM(key)
    FROM stg_defs
  )
