INSERT INTO organisation_record
SELECT
  CAST(o.id AS BIGINT),
  1,
  NULLIF(TRIM(o.name), ''),
  o.shortName,
  UPPER(TRIM(o.activityType)),
  NULL,
  o.street,
  o.postCode,
  o.city,
  CASE UPPER(TRIM(o.country))
    WHEN 'UK'
    THEN 'GB'
    WHEN 'EL'
    THEN 'GR'
    ELSE UPPER(TRIM(o.country))
  END,
  NULL,
  o.organizationUrl,
  ?,
  o._row
FROM stg_org_old AS o
