SELECT
  COUNT(*)
FROM ecosystem
WHERE
  ecosystem_id = ?
