SELECT
  ecosystem_id,
  definition
FROM ecosystem
ORDER BY
  position
