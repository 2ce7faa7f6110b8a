SELECT
  *
FROM ecosystem
ORDER BY
  position NULLS LAST
