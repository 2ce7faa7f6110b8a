CREATE OR REPLACE TEMPORARY TABLE stg_st AS
SELECT
  MIN(_row) AS _row,
  actor_id,
  ANY_VALUE(name) AS name,
  'startup' AS actor_type,
  CAST(NULL AS TEXT) AS ecosystems,
  ANY_VALUE(founding_year) AS founding_year,
  ANY_VALUE(sector) AS sector,
  CAST(NULL AS TEXT) AS stage,
  ANY_VALUE(city) AS city,
  CAST(NULL AS TEXT) AS postcode,
  CAST(NULL AS TEXT) AS kvk,
  CAST(NULL AS TEXT) AS pic,
  CAST(NULL AS TEXT) AS ror,
  CAST(NULL AS TEXT) AS country,
  ANY_VALUE(website) AS website,
  CAST(NULL AS TEXT) AS parent,
  CAST(NULL AS TEXT) AS ip_holder,
  CAST(NULL AS TEXT) AS spin_off_year,
  'crunchbase export' AS note
FROM stg_fin
WHERE
  NOT actor_id IS NULL
GROUP BY
  actor_id
