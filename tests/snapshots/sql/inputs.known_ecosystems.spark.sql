SELECT
  ecosystem_id
FROM ecosystem
ORDER BY
  position NULLS LAST
LIMIT 25
