INSERT INTO project (
  project_key,
  framework,
  rcn,
  grant_id,
  acronym,
  title,
  start_date,
  end_date,
  start_year,
  legal_basis,
  topics,
  funding_scheme,
  batch_id,
  source_row
)
SELECT
  fw || '-id' || pid,
  fw,
  NULL,
  pid,
  ANY_VALUE(project_acronym),
  NULL,
  MIN(s),
  MAX(e),
  YEAR(MIN(s)),
  ANY_VALUE(legal_basis),
  ANY_VALUE(topic_code),
  ANY_VALUE(funding_scheme),
  ?,
  MIN(_row)
FROM (
  SELECT
    *,
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
    ) AS fw,
    TRIM(project_id) AS pid,
    TRY_CAST(LEFT(TRIM(start_date), 10) AS DATE) AS s,
    TRY_CAST(LEFT(TRIM(end_date), 10) AS DATE) AS e
  FROM stg_cordisplus
)
GROUP BY
  fw,
  pid
