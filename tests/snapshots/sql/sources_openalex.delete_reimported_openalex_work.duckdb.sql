DELETE FROM openalex_work
WHERE
  work_id IN (
    SELECT
      work_id
    FROM stg_openalex_w
  )
