SELECT
  COUNT(*)
FROM project
WHERE
  (
    2016 IS NULL OR start_year >= 2016
  )
  AND (
    2018 IS NULL OR start_year <= 2018
  )
