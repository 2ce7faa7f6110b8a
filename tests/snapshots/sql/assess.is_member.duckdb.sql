SELECT
  COUNT(*)
FROM ecosystem_member
WHERE
  ecosystem_id = ? AND pic = ?
