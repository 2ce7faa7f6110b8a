INSERT INTO contributor
SELECT
  set_id,
  UNNEST(ids)
FROM stg_new_sets
