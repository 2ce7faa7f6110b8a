SELECT
  indicator,
  measure,
  breakdown,
  year,
  value,
  unit
FROM snapshot_indicator
WHERE
  snapshot_id = ? AND year IS NULL
ORDER BY
  indicator,
  measure,
  breakdown
