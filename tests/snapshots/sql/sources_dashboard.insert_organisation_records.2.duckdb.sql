INSERT INTO organisation_record
SELECT
  CAST(pic AS BIGINT),
  2,
  NULLIF(TRIM(legal_name), ''),
  NULLIF(TRIM(legal_short_name), ''),
  UPPER(TRIM(legal_entity_type)),
  NULL,
  NULL,
  NULL,
  NULL,
  CASE UPPER(TRIM(country_code))
    WHEN 'UK'
    THEN 'GB'
    WHEN 'EL'
    THEN 'GR'
    ELSE UPPER(TRIM(country_code))
  END,
  NULL,
  NULLIF(TRIM(legal_url), ''),
  ?,
  _row
FROM stg_cordisplus
