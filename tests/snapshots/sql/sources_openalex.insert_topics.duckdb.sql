INSERT INTO openalex_topic
SELECT
  work_id,
  'topic',
  REGEXP_REPLACE(t.id, '^https?://(www\.)?(openalex\.org|ror\.org|orcid\.org)/', ''),
  t.display_name,
  t.score,
  t.field.display_name,
  ?
FROM (
  SELECT
    work_id,
    UNNEST(topics) AS t
  FROM stg_openalex_w
)
WHERE
  NOT t.id IS NULL
UNION ALL
SELECT
  work_id,
  'concept',
  REGEXP_REPLACE(c.id, '^https?://(www\.)?(openalex\.org|ror\.org|orcid\.org)/', ''),
  c.display_name,
  TRY_CAST(c.score AS DOUBLE),
  CAST(c.level AS TEXT),
  ?
FROM (
  SELECT
    work_id,
    UNNEST(concepts) AS c
  FROM stg_openalex_w
)
WHERE
  NOT c.id IS NULL
