SELECT
  snapshot_id,
  ecosystem_id,
  label,
  created_at,
  created_by,
  targets
FROM snapshot
WHERE
  label = ?
ORDER BY
  2
