SELECT
  COALESCE(x.indicator, y.indicator) AS indicator,
  COALESCE(x.measure, y.measure) AS measure,
  COALESCE(x.breakdown, y.breakdown) AS breakdown,
  COALESCE(x.year, y.year) AS year,
  x.value AS a,
  y.value AS b,
  COALESCE(x.unit, y.unit) AS unit
FROM (
  SELECT
    indicator,
    measure,
    breakdown,
    year,
    value,
    unit
  FROM snapshot_indicator
  WHERE
    snapshot_id = 0 AND year IS NULL
) AS x
FULL OUTER JOIN (
  SELECT
    indicator,
    measure,
    breakdown,
    year,
    value,
    unit
  FROM indicator_value
  WHERE
    ecosystem_id = 0 AND year IS NULL
) AS y
  ON x.indicator = y.indicator
  AND x.measure = y.measure
  AND x.breakdown = y.breakdown
  AND x.year IS NOT DISTINCT FROM y.year
ORDER BY
  indicator NULLS LAST,
  measure NULLS LAST,
  breakdown NULLS LAST,
  year
