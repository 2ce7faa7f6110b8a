SELECT DISTINCT
  frameworkProgramme
FROM stg_project
WHERE
  NOT frameworkProgramme IS NULL
