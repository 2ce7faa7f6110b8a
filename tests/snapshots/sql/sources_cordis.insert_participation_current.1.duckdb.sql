INSERT INTO participation
SELECT
  pr.project_key,
  CAST(o.organisationID AS BIGINT),
  LOWER(TRIM(o.role)),
  UPPER(TRIM(o.activityType)),
  CASE LOWER(TRIM(o.SME)) WHEN 'true' THEN TRUE WHEN 'false' THEN FALSE ELSE NULL END,
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
FROM stg_org AS o
JOIN project AS pr
  ON pr.grant_id = TRIM(o.projectID) AND pr.batch_id = ?
