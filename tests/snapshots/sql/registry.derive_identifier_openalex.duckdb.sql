INSERT INTO registry_identifier
SELECT
  CASE
    WHEN NOT a.ror_id IS NULL
    THEN 'ror:' || a.ror_id
    ELSE 'openalex:' || a.openalex_id
  END,
  'openalex',
  a.openalex_id,
  NULL,
  a.source
FROM openalex_institution AS a
UNION ALL
SELECT
  CASE
    WHEN NOT a.ror_id IS NULL
    THEN 'ror:' || a.ror_id
    ELSE 'openalex:' || a.openalex_id
  END,
  'ror',
  a.ror_id,
  NULL,
  a.source
FROM openalex_institution AS a
WHERE
  NOT a.ror_id IS NULL
  AND NOT a.ror_id IN (
    SELECT
      ror_id
    FROM ror_record
  )
