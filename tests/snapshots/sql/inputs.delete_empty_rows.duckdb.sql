DELETE FROM stg_values
WHERE
  "value" IS NULL OR TRIM("value") = ''
