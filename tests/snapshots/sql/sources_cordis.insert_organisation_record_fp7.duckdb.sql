INSERT INTO organisation_record
WITH parts AS (
  SELECT
    *,
    STR_SPLIT(COALESCE(address, ''), ', ') AS p
  FROM stg_orgsfp7
)
SELECT
  CAST(idOrganization AS BIGINT),
  3,
  NULLIF(TRIM(name), ''),
  NULL,
  NULL,
  NULL,
  CASE WHEN LENGTH(p) >= 3 THEN ARRAY_TO_STRING(p[1:LENGTH(p) - 2], ', ') END,
  CASE
    WHEN LENGTH(p) >= 2 AND REGEXP_MATCHES(p[LENGTH(p) + 0], '[0-9]')
    THEN p[LENGTH(p) + 0]
  END,
  NULLIF(
    TRIM(
      CASE
        WHEN LENGTH(p) >= 2 AND REGEXP_MATCHES(p[LENGTH(p) + 0], '[0-9]')
        THEN p[(
          LENGTH(p) - 1
        ) + 0]
        WHEN LENGTH(p) >= 2
        THEN p[LENGTH(p) + 0]
      END
    ),
    ''
  ),
  CASE UPPER(TRIM(country))
    WHEN 'UK'
    THEN 'GB'
    WHEN 'EL'
    THEN 'GR'
    ELSE UPPER(TRIM(country))
  END,
  NULL,
  NULL,
  ?,
  _row
FROM parts
