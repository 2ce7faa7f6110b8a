SELECT
  ecosystem_id,
  definition
FROM ecosystem
WHERE
  ARRAY_CONTAINS(?, ecosystem_id)
