SELECT
  ecosystem_id,
  COUNT(DISTINCT project_key)
FROM scope
WHERE
  ARRAY_CONTAINS(ARRAY('delft'), ecosystem_id)
  AND (
    2016 IS NULL OR start_year >= 2016
  )
  AND (
    NULL IS NULL OR start_year <= NULL
  )
GROUP BY
  1
