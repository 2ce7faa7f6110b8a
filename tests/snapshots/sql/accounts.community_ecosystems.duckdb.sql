SELECT
  ecosystem_id,
  name_en,
  name_nl
FROM ecosystem
WHERE
  ecosystem_id NOT LIKE 'eu-%'
ORDER BY
  position
