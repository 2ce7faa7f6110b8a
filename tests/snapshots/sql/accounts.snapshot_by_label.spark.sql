SELECT
  snapshot_id,
  ecosystem_id,
  label,
  created_at,
  created_by,
  targets
FROM snapshot
WHERE
  ecosystem_id = ? AND label = ?
