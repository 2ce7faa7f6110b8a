SELECT
  indicator,
  breakdown,
  year,
  value,
  unit,
  confidential
FROM snapshot_input
WHERE
  snapshot_id = ?
ORDER BY
  indicator NULLS LAST,
  breakdown NULLS LAST,
  year NULLS LAST
