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
    CASE
      WHEN STARTS_WITH(legal_basis, 'FP7')
      THEN 'FP7'
      WHEN STARTS_WITH(legal_basis, 'H2020')
      THEN 'H2020'
      WHEN STARTS_WITH(legal_basis, 'HORIZON')
      THEN 'HORIZON'
      ELSE 'H2020'
    END
  ) || '-id' || TRIM(project_id),
  CAST(pic AS BIGINT),
  LOWER(TRIM(partner_role)),
  NULL,
  NULL,
  COALESCE(TRY_CAST(ec_contribution AS DOUBLE), TRY_CAST(eu_contribution AS DOUBLE)),
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
FROM stg_cordisplus
