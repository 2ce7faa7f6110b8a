SELECT
  set_id,
  ARRAY_AGG(contributor)
FROM contributor
WHERE
  set_id IN (
    SELECT
      contributor_set
    FROM indicator_input
    WHERE
      confidential
  )
GROUP BY
  set_id
