INSERT INTO organisation_record
SELECT
  CAST(orgId AS BIGINT),
  2,
  NULLIF(TRIM(name), ''),
  NULLIF(TRIM(shortName), ''),
  UPPER(TRIM(activityType)),
  NULL,
  NULLIF(TRIM(street), ''),
  NULLIF(TRIM(postCode), ''),
  NULLIF(TRIM(city), ''),
  CASE UPPER(TRIM(country))
    WHEN 'UK'
    THEN 'GB'
    WHEN 'EL'
    THEN 'GR'
    ELSE UPPER(TRIM(country))
  END,
  NULL,
  NULLIF(TRIM(organizationUrl), ''),
  ?,
  _row
FROM stg_orgs2017
