CREATE OR REPLACE TEMPORARY TABLE stg_openalex_w AS
SELECT
  REGEXP_REPLACE(TRIM(id), '^https?://(www\.)?(openalex\.org|ror\.org|orcid\.org)/', '') AS work_id,
  *
  EXCLUDE (id)
FROM stg_openalex
QUALIFY
  ROW_NUMBER() OVER (
    PARTITION BY REGEXP_REPLACE(TRIM(id), '^https?://(www\.)?(openalex\.org|ror\.org|orcid\.org)/', '')
    ORDER BY _row
  ) = 1
