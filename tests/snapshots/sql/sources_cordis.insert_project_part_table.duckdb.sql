INSERT INTO project_part
SELECT
  'H2020-' || CAST(rcn AS BIGINT),
  TRIM(programme_part),
  ?,
  _row
FROM stg_parts
