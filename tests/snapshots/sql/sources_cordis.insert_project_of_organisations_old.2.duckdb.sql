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
  'FP7-' || CAST(projectRcn AS BIGINT),
  'FP7',
  CAST(projectRcn AS BIGINT),
  ANY_VALUE(TRIM(projectID)),
  NULL,
  ?,
  MIN(_row)
FROM stg_org_old AS o
WHERE
  NOT EXISTS(
    SELECT
      1
    FROM project AS p
    WHERE
      p.project_key = 'FP7-' || CAST(o.projectRcn AS BIGINT)
  )
GROUP BY
  projectRcn
