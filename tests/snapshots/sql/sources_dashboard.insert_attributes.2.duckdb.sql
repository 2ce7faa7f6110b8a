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
    TRY_CAST("organisationID" AS BIGINT) AS pic,
    'vat' AS attribute,
    NULLIF(TRIM("vatNumber"), '') AS value,
    _row
  FROM stg_org
)
WHERE
  NOT pic IS NULL AND NOT value IS NULL AND NOT value IN ('-', '.')
GROUP BY
  pic,
  attribute,
  value
