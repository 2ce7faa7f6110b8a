INSERT INTO participation
SELECT
  'H2020-' || CAST(o.projectRcn AS BIGINT),
  CAST(o.id AS BIGINT),
  LOWER(TRIM(o.role)),
  UPPER(TRIM(o.activityType)),
  NULL,
  TRY_CAST(REPLACE(o.ecContribution, ',', '.') AS DOUBLE),
  CASE UPPER(TRIM(o.country))
    WHEN 'UK'
    THEN 'GB'
    WHEN 'EL'
    THEN 'GR'
    ELSE UPPER(TRIM(o.country))
  END,
  UPPER(TRIM(o.country)),
  ?,
  o._row
FROM stg_org_old AS o
