INSERT INTO organisation_attribute
SELECT
  pic,
  attribute,
  value,
  1,
  ?,
  MIN(_row),
  ?
FROM (
  SELECT
    TRY_CAST("pic" AS BIGINT) AS pic,
    'vat' AS attribute,
    NULLIF(TRIM("legal_entity_vat"), '') AS value,
    _row
  FROM stg_dashboard
  UNION ALL
  SELECT
    TRY_CAST("pic" AS BIGINT) AS pic,
    'legal_name' AS attribute,
    NULLIF(TRIM("legal_name"), '') AS value,
    _row
  FROM stg_dashboard
  UNION ALL
  SELECT
    TRY_CAST("pic" AS BIGINT) AS pic,
    'legal_entity_type' AS attribute,
    NULLIF(TRIM("legal_entity_type"), '') AS value,
    _row
  FROM stg_dashboard
  UNION ALL
  SELECT
    TRY_CAST("pic" AS BIGINT) AS pic,
    'sme' AS attribute,
    CASE LOWER(TRIM("sme_flag"))
      WHEN 'yes'
      THEN 'true'
      WHEN 'true'
      THEN 'true'
      WHEN 'no'
      THEN 'false'
      WHEN 'false'
      THEN 'false'
    END AS value,
    _row
  FROM stg_dashboard
  UNION ALL
  SELECT
    TRY_CAST("pic" AS BIGINT) AS pic,
    'nuts3_code' AS attribute,
    NULLIF(TRIM("nuts_3_code"), '') AS value,
    _row
  FROM stg_dashboard
  UNION ALL
  SELECT
    TRY_CAST("pic" AS BIGINT) AS pic,
    'city' AS attribute,
    NULLIF(TRIM("city"), '') AS value,
    _row
  FROM stg_dashboard
)
WHERE
  NOT pic IS NULL AND NOT value IS NULL AND NOT value IN ('-', '.')
GROUP BY
  pic,
  attribute,
  value
