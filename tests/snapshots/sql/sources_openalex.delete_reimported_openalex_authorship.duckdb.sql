DELETE FROM openalex_authorship
WHERE
  work_id IN (
    SELECT
      work_id
    FROM stg_openalex_w
  )
