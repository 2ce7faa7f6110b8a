SELECT
  COUNT(*) AS pics,
  COUNT(DISTINCT unit) AS units,
  COUNT(*) FILTER(WHERE
    unit <> pic) AS joined
FROM analysis_unit
