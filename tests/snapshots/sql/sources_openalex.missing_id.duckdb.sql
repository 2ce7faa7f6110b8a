SELECT
  MIN(_row)
FROM stg_openalex_w
WHERE
  work_id IS NULL OR work_id = ''
