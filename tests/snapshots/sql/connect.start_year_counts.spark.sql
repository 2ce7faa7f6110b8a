SELECT
  start_year,
  COUNT(*)
FROM project
WHERE
  NOT start_year IS NULL
GROUP BY
  1
