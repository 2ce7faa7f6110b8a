INSERT INTO contributor_set
SELECT
  set_id,
  kind,
  ecosystem_id,
  LENGTH(ids),
  digest,
  ?
FROM stg_new_sets
