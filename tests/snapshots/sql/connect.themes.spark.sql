SELECT DISTINCT
  programme_part
FROM project_part
ORDER BY
  1 NULLS LAST
