SELECT
  ecosystem_id,
  COUNT(DISTINCT project_key)
FROM scope
WHERE
  ARRAY_CONTAINS(ARRAY('delft', 'leiden'), ecosystem_id)
  AND (
    NULL IS NULL OR start_year >= NULL
  )
  AND (
    NULL IS NULL OR start_year <= NULL
  )
GROUP BY
  1
