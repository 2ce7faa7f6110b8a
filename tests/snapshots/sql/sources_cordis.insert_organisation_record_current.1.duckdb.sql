INSERT INTO organisation_record
SELECT
  CAST(o.organisationID AS BIGINT),
  1,
  NULLIF(TRIM(o.name), ''),
  o.shortName,
  UPPER(TRIM(o.activityType)),
  CASE LOWER(TRIM(o.SME)) WHEN 'true' THEN TRUE WHEN 'false' THEN FALSE ELSE NULL END,
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
  o.nutsCode,
  o.organizationURL,
  ?,
  o._row
FROM stg_org AS o
