DELETE FROM stg_cordisplus
WHERE
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
      ELSE NULL
    END
  ) IS NULL
