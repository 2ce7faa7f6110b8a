CREATE OR REPLACE TEMPORARY TABLE stg_values_k AS
SELECT
  *,
  COALESCE(TRIM(breakdown), '') AS _bd,
  LOWER(TRIM(confidential)) IN ('ja', 'yes') AS _conf
FROM stg_values
