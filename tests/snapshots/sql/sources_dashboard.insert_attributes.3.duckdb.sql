INSERT INTO organisation_attribute
SELECT
  pic,
  attribute,
  value,
  2,
  ?,
  MIN(_row),
  ?
FROM (
  SELECT
    TRY_CAST("pic" AS BIGINT) AS pic,
    'legal_name' AS attribute,
    NULLIF(TRIM("legal_name"), '') AS value,
    _row
  FROM stg_cordisplus
  UNION ALL
  SELECT
    TRY_CAST("pic" AS BIGINT) AS pic,
    'legal_entity_type' AS attribute,
    NULLIF(TRIM("legal_entity_type"), '') AS value,
    _row
  FROM stg_cordisplus
)
WHERE
  NOT pic IS NULL AND NOT value IS NULL AND NOT value IN ('-', '.')
GROUP BY
  pic,
  attribute,
  value
