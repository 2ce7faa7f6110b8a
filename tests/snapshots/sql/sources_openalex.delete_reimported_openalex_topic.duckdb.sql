DELETE FROM openalex_topic
WHERE
  work_id IN (
    SELECT
      work_id
    FROM stg_openalex_w
  )
