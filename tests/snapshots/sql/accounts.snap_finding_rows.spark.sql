SELECT
  kind,
  code,
  verdict
FROM snapshot_finding
WHERE
  snapshot_id = ?
ORDER BY
  kind NULLS LAST,
  code NULLS LAST
