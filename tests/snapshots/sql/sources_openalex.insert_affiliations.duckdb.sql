INSERT INTO openalex_affiliation
SELECT
  work_id,
  author_seq,
  NULLIF(
    REGEXP_REPLACE(i.id, '^https?://(www\.)?(openalex\.org|ror\.org|orcid\.org)/', ''),
    ''
  ),
  NULLIF(
    REGEXP_REPLACE(i.ror, '^https?://(www\.)?(openalex\.org|ror\.org|orcid\.org)/', ''),
    ''
  ),
  i.display_name,
  LOWER(i.type),
  UPPER(i.country_code),
  ?
FROM (
  SELECT
    work_id,
    author_seq,
    UNNEST(a.institutions) AS i
  FROM stg_openalex_a
)
WHERE
  NOT i.id IS NULL OR NOT i.ror IS NULL
