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
  ANY_VALUE(project_title),
  MIN(s),
  MAX(e),
  YEAR(MIN(s)),
  NULL,
  ANY_VALUE(topic_code),
  ANY_VALUE(simplified_type_of_action),
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
      NULL
    ) AS fw,
    TRIM(project_id) AS pid,
    CAST(TRY_STRPTIME(TRIM(project_start_date), '%d/%m/%Y') AS DATE) AS s,
    CAST(TRY_STRPTIME(TRIM(project_end_date), '%d/%m/%Y') AS DATE) AS e
  FROM stg_dashboard
)
GROUP BY
  fw,
  pid
