SELECT
  e.ecosystem_id,
  e.name_en,
  e.name_nl,
  e.kind
FROM ecosystem_member AS m
JOIN ecosystem AS e
  USING (ecosystem_id)
WHERE
  m.pic = ?
ORDER BY
  e.position
