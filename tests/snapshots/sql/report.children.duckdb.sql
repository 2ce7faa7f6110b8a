SELECT
  ecosystem_id,
  name_en,
  name_nl
FROM ecosystem
WHERE
  parent = ?
ORDER BY
  position
