SELECT
  ecosystem_id
FROM ecosystem
ORDER BY
  position
LIMIT 25
