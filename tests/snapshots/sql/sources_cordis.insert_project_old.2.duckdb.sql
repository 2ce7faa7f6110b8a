INSERT INTO project
SELECT
  'H2020-' || CAST(rcn AS BIGINT),
  'H2020',
  CAST(rcn AS BIGINT),
  TRIM(id),
  acronym,
  NULL,
  NULL,
  TRY_CAST(LEFT(startDate, 10) AS DATE),
  TRY_CAST(LEFT(endDate, 10) AS DATE),
  YEAR(TRY_CAST(LEFT(startDate, 10) AS DATE)),
  TRY_CAST(REPLACE(NULL, ',', '.') AS DOUBLE),
  TRY_CAST(REPLACE(NULL, ',', '.') AS DOUBLE),
  NULL,
  NULL,
  NULL,
  ?,
  _row
FROM stg_project_old
