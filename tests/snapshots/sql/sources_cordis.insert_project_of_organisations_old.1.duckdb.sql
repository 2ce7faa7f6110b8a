INSERT INTO project (
  project_key,
  framework,
  rcn,
  grant_id,
  acronym,
  batch_id,
  source_row
)
SELECT
  'H2020-' || CAST(projectRcn AS BIGINT),
  'H2020',
  CAST(projectRcn AS BIGINT),
  ANY_VALUE(TRIM(projectID)),
  ANY_VALUE(projectAcronym),
  ?,
  MIN(_row)
FROM stg_org_old AS o
WHERE
  NOT EXISTS(
    SELECT
      1
    FROM project AS p
    WHERE
      p.project_key = 'H2020-' || CAST(o.projectRcn AS BIGINT)
  )
GROUP BY
  projectRcn
