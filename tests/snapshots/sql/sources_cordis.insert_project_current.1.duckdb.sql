INSERT INTO project
SELECT
  'H2020-' || COALESCE(CAST(TRY_CAST(rcn AS BIGINT) AS TEXT), 'id' || TRIM(id)),
  'H2020',
  TRY_CAST(rcn AS BIGINT),
  TRIM(id),
  acronym,
  title,
  objective,
  TRY_CAST(LEFT(startDate, 10) AS DATE),
  TRY_CAST(LEFT(endDate, 10) AS DATE),
  YEAR(TRY_CAST(LEFT(startDate, 10) AS DATE)),
  TRY_CAST(REPLACE(totalCost, ',', '.') AS DOUBLE),
  TRY_CAST(REPLACE(ecMaxContribution, ',', '.') AS DOUBLE),
  legalBasis,
  topics,
  fundingScheme,
  ?,
  _row
FROM stg_project
