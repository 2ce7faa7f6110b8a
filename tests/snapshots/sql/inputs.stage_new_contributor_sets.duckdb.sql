CREATE OR REPLACE TEMPORARY TABLE stg_new_sets AS
SELECT
  NEXTVAL('contributor_set_seq') AS set_id,
  *
FROM (
  SELECT
    digest,
    ANY_VALUE(kind) AS kind,
    ANY_VALUE(ecosystem_id) AS ecosystem_id,
    ANY_VALUE(ids) AS ids
  FROM stg_sets
  WHERE
    NOT digest IN (
      SELECT
        digest
      FROM contributor_set
    )
  GROUP BY
    digest
)
