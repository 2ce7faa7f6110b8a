SELECT
  COUNT(*)
FROM snapshot_member
WHERE
  snapshot_id = ?
