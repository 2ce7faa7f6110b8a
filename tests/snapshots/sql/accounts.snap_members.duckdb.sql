INSERT INTO snapshot_member
SELECT DISTINCT
  ?,
  pic
FROM ecosystem_member
WHERE
  ecosystem_id = ?
