INSERT INTO registry_name
SELECT DISTINCT
  CASE
    WHEN NOT a.ror_id IS NULL
    THEN 'ror:' || a.ror_id
    ELSE 'openalex:' || a.openalex_id
  END,
  a.name,
  'openalex display name',
  NULL,
  a.source
FROM openalex_institution AS a
