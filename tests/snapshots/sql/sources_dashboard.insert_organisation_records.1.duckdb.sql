INSERT INTO organisation_record
SELECT
  CAST(pic AS BIGINT),
  1,
  NULLIF(TRIM(legal_name), ''),
  NULL,
  UPPER(TRIM(legal_entity_type)),
  CASE LOWER(TRIM(sme_flag)) WHEN 'yes' THEN TRUE WHEN 'no' THEN FALSE END,
  NULL,
  NULL,
  NULLIF(TRIM(city), ''),
  CASE UPPER(TRIM(country_code))
    WHEN 'UK'
    THEN 'GB'
    WHEN 'EL'
    THEN 'GR'
    ELSE UPPER(TRIM(country_code))
  END,
  NULLIF(TRIM(nuts_3_code), ''),
  NULL,
  ?,
  _row
FROM stg_dashboard
