INSERT INTO project
SELECT
  'HORIZON-id' || TRIM(id),
  'HORIZON',
  NULL,
  TRIM(id),
  acronym,
  title,
  NULL,
  TRY_CAST(LEFT(startDate, 10) AS DATE),
  TRY_CAST(LEFT(endDate, 10) AS DATE),
  YEAR(TRY_CAST(LEFT(startDate, 10) AS DATE)),
  TRY_CAST(REPLACE(totalCost, ',', '.') AS DOUBLE),
  TRY_CAST(REPLACE(ecMaxContribution, ',', '.') AS DOUBLE),
  legalBasis,
  topics,
  NULL,
  ?,
  _row
FROM stg_project
