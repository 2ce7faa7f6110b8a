INSERT INTO participation
SELECT
  'H2020-' || CAST(rcn AS BIGINT),
  CAST(pic AS BIGINT),
  LOWER(TRIM(role)),
  UPPER(TRIM(type)),
  NULL,
  TRY_CAST(contribution AS DOUBLE),
  CASE UPPER(TRIM(country))
    WHEN 'UK'
    THEN 'GB'
    WHEN 'EL'
    THEN 'GR'
    ELSE UPPER(TRIM(country))
  END,
  UPPER(TRIM(country)),
  ?,
  _row
FROM stg_reduced
