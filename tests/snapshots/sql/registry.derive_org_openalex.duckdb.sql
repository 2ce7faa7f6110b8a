INSERT INTO registry_org
SELECT
  CASE
    WHEN NOT a.ror_id IS NULL
    THEN 'ror:' || a.ror_id
    ELSE 'openalex:' || a.openalex_id
  END,
  ANY_VALUE(a.name),
  ANY_VALUE(a.type),
  ANY_VALUE(a.country_code),
  NULL,
  NULL,
  NULL,
  NULL,
  NULL,
  NULL,
  0,
  CASE
    WHEN NOT ANY_VALUE(a.ror_id) IS NULL
    THEN 'openalex only (ROR id from OpenAlex)'
    ELSE 'openalex only'
  END
FROM openalex_institution AS a
WHERE
  NOT CASE
    WHEN NOT a.ror_id IS NULL
    THEN 'ror:' || a.ror_id
    ELSE 'openalex:' || a.openalex_id
  END IN (
    SELECT
      org_key
    FROM registry_org
  )
GROUP BY
  1
