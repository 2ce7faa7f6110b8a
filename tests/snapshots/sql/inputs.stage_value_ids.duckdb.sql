CREATE OR REPLACE TEMPORARY TABLE stg_values_ids AS
SELECT
  NEXTVAL('input_seq') AS input_id,
  *
FROM (
  SELECT
    *
  FROM stg_values_k
  ORDER BY
    _row
)
