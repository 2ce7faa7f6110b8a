SELECT
  ecosystem_id
FROM ecosystem
WHERE
  parent = ?
ORDER BY
  position NULLS LAST
