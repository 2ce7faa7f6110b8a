SELECT
  definition
FROM ecosystem
ORDER BY
  position
