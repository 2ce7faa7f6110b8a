CREATE OR REPLACE TEMPORARY TABLE stg_openalex_w AS
SELECT
  REGEXP_REPLACE(TRIM(id), '^https?://(www\.)?(openalex\.org|ror\.org|orcid\.org)/', '') AS work_id,
  *
  EXCLUDE (id)
FROM (
  SELECT
    ROW_NUMBER() OVER () AS _row,
    *
  FROM READ_JSON(
    'works.jsonl.gz',
    "columns" = {'id': 'VARCHAR', 'doi': 'VARCHAR', 'title': 'VARCHAR', 'display_name': 'VARCHAR', 'publication_year': 'INTEGER', 'type': 'VARCHAR', 'open_access': 'STRUCT(is_oa BOOLEAN, oa_status VARCHAR)', 'host_venue': 'STRUCT(id VARCHAR, display_name VARCHAR)', 'primary_location': 'STRUCT(source STRUCT(id VARCHAR, display_name VARCHAR))', 'concepts': 'STRUCT(id VARCHAR, display_name VARCHAR, level INTEGER, score VARCHAR)[]', 'topics': 'STRUCT(id VARCHAR, display_name VARCHAR, score DOUBLE, field STRUCT(display_name VARCHAR))[]', 'authorships': 'STRUCT(author_position VARCHAR, author STRUCT(id VARCHAR, display_name VARCHAR, orcid VARCHAR), institutions STRUCT(id VARCHAR, display_name VARCHAR, ror VARCHAR, country_code VARCHAR, type VARCHAR)[], raw_affiliation_string VARCHAR, raw_affiliation_strings VARCHAR[])[]'},
    format = 'newline_delimited',
    records = TRUE,
    maximum_object_size = 1073741824,
    compression = 'auto_detect'
  )
)
QUALIFY
  ROW_NUMBER() OVER (
    PARTITION BY REGEXP_REPLACE(TRIM(id), '^https?://(www\.)?(openalex\.org|ror\.org|orcid\.org)/', '')
    ORDER BY _row
  ) = 1
