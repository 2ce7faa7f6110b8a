CREATE OR REPLACE TEMPORARY TABLE stg_contributors AS
SELECT
  input_id,
  contributors
FROM stg_values_ids
