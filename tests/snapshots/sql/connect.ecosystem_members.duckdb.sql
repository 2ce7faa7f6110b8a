SELECT
  pic
FROM ecosystem_member
WHERE
  ecosystem_id = ?
