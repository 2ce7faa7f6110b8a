INSERT INTO user_relation
SELECT
  TRIM(source),
  TRIM(target),
  LOWER(TRIM(relation_type)),
  TRY_CAST(start_year AS INT),
  TRY_CAST(end_year AS INT),
  TRY_CAST(REPLACE(weight, ',', '.') AS DOUBLE),
  NULLIF(TRIM(note), ''),
  ?,
  _row + 1
FROM stg_relations
