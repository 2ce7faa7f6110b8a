INSERT INTO organisation_record
SELECT
  CAST(orgId AS BIGINT),
  2,
  NULLIF(TRIM(name), ''),
  NULL,
  UPPER(TRIM(activityType)),
  NULL,
  NULL,
  NULL,
  NULLIF(TRIM(city), ''),
  CASE UPPER(TRIM(country))
    WHEN 'UK'
    THEN 'GB'
    WHEN 'EL'
    THEN 'GR'
    ELSE UPPER(TRIM(country))
  END,
  NULL,
  NULL,
  ?,
  _row
FROM stg_orgs2017
