INSERT INTO organisation_record
SELECT
  CAST(o.id AS BIGINT),
  1,
  NULLIF(TRIM(o.name), ''),
  NULL,
  UPPER(TRIM(o.activityType)),
  NULL,
  NULL,
  NULL,
  NULL,
  CASE UPPER(TRIM(o.country))
    WHEN 'UK'
    THEN 'GB'
    WHEN 'EL'
    THEN 'GR'
    ELSE UPPER(TRIM(o.country))
  END,
  NULL,
  NULL,
  ?,
  o._row
FROM stg_org_old AS o
