SELECT
  MIN(_row)
FROM stg_openalex
WHERE
  id IS NULL OR TRIM(id) = ''
