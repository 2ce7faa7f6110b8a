SELECT
  ecosystem_id,
  name_en,
  name_nl
FROM ecosystem
WHERE
  ARRAY_CONTAINS(?, ecosystem_id)
