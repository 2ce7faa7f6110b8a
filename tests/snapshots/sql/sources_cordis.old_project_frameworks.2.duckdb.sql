SELECT DISTINCT
  fw
FROM (
  SELECT
    NULL AS fw
  FROM stg_project_old
)
WHERE
  NOT fw IS NULL AND fw <> ''
