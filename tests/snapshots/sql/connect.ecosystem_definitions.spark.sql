SELECT
  ecosystem_id,
  definition
FROM ecosystem
ORDER BY
  position NULLS LAST
