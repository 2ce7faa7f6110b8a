SELECT
  *
FROM ecosystem
WHERE
  ecosystem_id = ?
