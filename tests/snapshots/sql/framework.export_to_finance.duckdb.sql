CREATE OR REPLACE TEMPORARY TABLE stg_fin AS
SELECT
  _row,
  'crunchbase:' || LOWER(TRIM(CAST("Organization Name" AS TEXT))) AS actor_id,
  TRIM(CAST("Organization Name" AS TEXT)) AS name,
  NULL AS round,
  CAST("Announced Date" AS TEXT) AS date,
  NULL AS amount,
  NULL AS currency,
  NULL AS investors,
  NULL AS instrument_raw,
  CAST(NULL AS TEXT) AS instrument,
  'no' AS confidential,
  'crunchbase export' AS source,
  NULL AS founding_year,
  NULL AS city,
  NULL AS sector,
  NULL AS website
FROM stg_export
