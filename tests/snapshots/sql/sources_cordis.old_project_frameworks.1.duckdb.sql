SELECT DISTINCT
  fw
FROM (
  SELECT
    COALESCE(
      NULLIF(TRIM(frameworkProgramme), ''),
      REGEXP_EXTRACT(TRIM(programme), '^(FP[0-9]|H2020|HORIZON)', 1)
    ) AS fw
  FROM stg_project_old
)
WHERE
  NOT fw IS NULL AND fw <> ''
