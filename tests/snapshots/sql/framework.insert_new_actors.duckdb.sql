INSERT INTO user_actor (
  actor_id,
  name,
  actor_type,
  pic,
  ror_id,
  kvk,
  city,
  postcode,
  country,
  website,
  note,
  batch_id,
  source_row
)
SELECT
  TRIM(actor_id),
  TRIM(name),
  COALESCE(NULLIF(LOWER(TRIM(actor_type)), ''), 'startup'),
  CAST(NULLIF(TRIM(pic), '') AS BIGINT),
  NULLIF(REGEXP_EXTRACT(TRIM(ror), '([^/]+)$', 1), ''),
  NULLIF(TRIM(kvk), ''),
  NULLIF(TRIM(city), ''),
  NULLIF(TRIM(postcode), ''),
  COALESCE(NULLIF(UPPER(TRIM(country)), ''), 'NL'),
  NULLIF(TRIM(website), ''),
  NULLIF(TRIM(note), ''),
  ?,
  _row + 1
FROM stg_st
WHERE
  NOT TRIM(actor_id) IN (
    SELECT
      actor_id
    FROM user_actor
  )
