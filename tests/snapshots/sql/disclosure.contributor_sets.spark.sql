SELECT
  set_id,
  COLLECT_LIST(contributor)
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
