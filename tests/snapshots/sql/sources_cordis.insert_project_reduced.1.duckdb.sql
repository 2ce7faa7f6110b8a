INSERT INTO project (
  project_key,
  framework,
  rcn,
  start_date,
  end_date,
  start_year,
  total_cost,
  ec_max_contribution,
  batch_id,
  source_row
)
SELECT
  'H2020-' || CAST(rcn AS BIGINT),
  'H2020',
  CAST(rcn AS BIGINT),
  TRY_CAST(ANY_VALUE(start_date) AS DATE),
  TRY_CAST(ANY_VALUE(end_date) AS DATE),
  YEAR(TRY_CAST(ANY_VALUE(start_date) AS DATE)),
  ANY_VALUE(TRY_CAST(total_cost AS DOUBLE)),
  ANY_VALUE(TRY_CAST(max_contribution AS DOUBLE)),
  ?,
  MIN(_row)
FROM stg_reduced
GROUP BY
  rcn
