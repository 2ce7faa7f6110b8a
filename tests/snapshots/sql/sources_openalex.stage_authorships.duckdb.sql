CREATE OR REPLACE TEMPORARY TABLE stg_openalex_a AS
SELECT
  work_id,
  UNNEST(authorships) AS a,
  UNNEST(GENERATE_SERIES(1, LENGTH(authorships))) AS author_seq
FROM stg_openalex_w
WHERE
  LENGTH(authorships) > 0
