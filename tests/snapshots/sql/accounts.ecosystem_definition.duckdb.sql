SELECT
  ecosystem_id,
  name_en,
  name_nl,
  kind,
  parent,
  description,
  definition
FROM ecosystem
WHERE
  ecosystem_id = ?
