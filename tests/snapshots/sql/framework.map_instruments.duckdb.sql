UPDATE stg_fin SET instrument = COALESCE(
  (
    SELECT
      m.code
    FROM (
      SELECT
        UNNEST(CAST(? AS TEXT[])) AS raw,
        UNNEST(CAST(? AS TEXT[])) AS code
    ) AS m
    WHERE
      m.raw = LOWER(TRIM(stg_fin.instrument_raw))
  ),
  CASE WHEN LOWER(TRIM(instrument_raw)) LIKE 'series %' THEN 'vc' END,
  'other'
)
