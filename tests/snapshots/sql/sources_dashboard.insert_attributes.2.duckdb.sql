INSERT INTO organisation_attribute
SELECT
  pic,
  attribute,
  value,
  1,
  ?,
  _row,
  ?
FROM (
  SELECT
    TRY_CAST("organisationID" AS BIGINT) AS pic,
    'vat' AS attribute,
    NULLIF(TRIM("vatNumber"), '') AS value,
    _row
  FROM stg_org
  UNION ALL
  SELECT
    TRY_CAST("organisationID" AS BIGINT) AS pic,
    'legal_name' AS attribute,
    NULLIF(TRIM("name"), '') AS value,
    _row
  FROM stg_org
  UNION ALL
  SELECT
    TRY_CAST("organisationID" AS BIGINT) AS pic,
    'sme' AS attribute,
    CASE LOWER(TRIM("SME"))
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
  FROM stg_org
  UNION ALL
  SELECT
    TRY_CAST("organisationID" AS BIGINT) AS pic,
    'nuts3_code' AS attribute,
    NULLIF(TRIM("nutsCode"), '') AS value,
    _row
  FROM stg_org
)
WHERE
  NOT pic IS NULL AND NOT value IS NULL AND NOT value IN ('-', '.')
