SELECT
  ecosystem_id,
  parent
FROM ecosystem
ORDER BY
  position NULLS LAST
