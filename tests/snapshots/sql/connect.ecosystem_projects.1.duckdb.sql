SELECT
  ecosystem_id,
  COUNT(DISTINCT project_key)
FROM scope
WHERE
  ARRAY_CONTAINS(?, ecosystem_id)
  AND (
    ? IS NULL OR start_year >= ?
  )
  AND (
    ? IS NULL OR start_year <= ?
  )
GROUP BY
  1
