SELECT
  COUNT(*)
FROM project
WHERE
  (
    ? IS NULL OR start_year >= ?
  ) AND (
    ? IS NULL OR start_year <= ?
  )
