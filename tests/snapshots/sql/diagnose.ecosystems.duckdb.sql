SELECT
  *
FROM ecosystem
ORDER BY
  position
