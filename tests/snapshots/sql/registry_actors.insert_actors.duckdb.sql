INSERT INTO user_actor
SELECT
  TRIM(actor_id),
  TRIM(name),
  LOWER(TRIM(actor_type)),
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
FROM stg_actors
