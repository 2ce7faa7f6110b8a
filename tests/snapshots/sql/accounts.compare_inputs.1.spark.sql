SELECT
  COALESCE(x.indicator, y.indicator) AS indicator,
  COALESCE(x.breakdown, y.breakdown) AS breakdown,
  COALESCE(x.year, y.year) AS year,
  x.value AS a,
  y.value AS b,
  COALESCE(x.unit, y.unit) AS unit,
  COALESCE(x.confidential, FALSE) OR COALESCE(y.confidential, FALSE) AS confidential
FROM (
  SELECT
    indicator,
    breakdown,
    year,
    value,
    unit,
    confidential
  FROM snapshot_input
  WHERE
    snapshot_id = 0
) AS x
FULL OUTER JOIN (
  SELECT
    indicator,
    breakdown,
    year,
    value,
    unit,
    confidential
  FROM snapshot_input
  WHERE
    snapshot_id = 0
) AS y
  ON x.indicator = y.indicator AND x.breakdown = y.breakdown AND x.year = y.year
ORDER BY
  indicator NULLS LAST,
  breakdown NULLS LAST,
  year NULLS LAST
