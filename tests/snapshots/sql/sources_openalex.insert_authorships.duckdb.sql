INSERT INTO openalex_authorship
SELECT
  work_id,
  author_seq,
  REGEXP_REPLACE(a.author.id, '^https?://(www\.)?(openalex\.org|ror\.org|orcid\.org)/', ''),
  a.author.display_name,
  REGEXP_REPLACE(a.author.orcid, '^https?://(www\.)?(openalex\.org|ror\.org|orcid\.org)/', ''),
  a.author_position,
  COALESCE(
    a.raw_affiliation_strings,
    CASE WHEN NOT a.raw_affiliation_string IS NULL THEN [a.raw_affiliation_string] END
  ),
  ?
FROM stg_openalex_a
