SELECT
  COUNT(*)
FROM project
WHERE
  (
    NULL IS NULL OR start_year >= NULL
  )
  AND (
    NULL IS NULL OR start_year <= NULL
  )
