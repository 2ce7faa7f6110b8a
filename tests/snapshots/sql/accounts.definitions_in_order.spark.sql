SELECT
  definition
FROM ecosystem
ORDER BY
  position NULLS LAST
