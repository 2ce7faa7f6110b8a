SELECT
  _row,
  framework_programme
FROM stg_dashboard
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
    NULL
  ) IS NULL
ORDER BY
  _row
LIMIT 1
