INSERT INTO participation
SELECT
  COALESCE(
    CASE UPPER(TRIM(framework_programme))
      WHEN 'FP7'
      THEN 'FP7'
      WHEN 'H2020'
      THEN 'H2020'
      WHEN 'HORIZON 2020'
      THEN 'H2020'
      WHEN 'HORIZON'
      THEN 'HORIZON'
      WHEN 'HORIZON EUROPE'
      THEN 'HORIZON'
      WHEN 'HE'
      THEN 'HORIZON'
    END,
    NULL
  ) || '-id' || TRIM(project_id),
  CAST(pic AS BIGINT),
  LOWER(TRIM(partner_role)),
  NULL,
  CASE LOWER(TRIM(sme_flag)) WHEN 'yes' THEN TRUE WHEN 'no' THEN FALSE END,
  TRY_CAST(eu_contribution AS DOUBLE),
  CASE UPPER(TRIM(country_code))
    WHEN 'UK'
    THEN 'GB'
    WHEN 'EL'
    THEN 'GR'
    ELSE UPPER(TRIM(country_code))
  END,
  UPPER(TRIM(country_code)),
  ?,
  _row
FROM stg_dashboard
