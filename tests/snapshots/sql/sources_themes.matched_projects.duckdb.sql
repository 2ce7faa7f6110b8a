SELECT
  COUNT(DISTINCT TRIM(l.projectID)),
  COUNT(DISTINCT p.grant_id)
FROM stg_legalbasis AS l
LEFT JOIN project AS p
  ON p.grant_id = TRIM(l.projectID)
  AND p.framework = CASE
    WHEN STARTS_WITH(TRIM(l.legalBasis), 'HORIZON')
    THEN 'HORIZON'
    WHEN STARTS_WITH(TRIM(l.legalBasis), 'H2020')
    THEN 'H2020'
    WHEN STARTS_WITH(TRIM(l.legalBasis), 'FP7')
    THEN 'FP7'
  END
