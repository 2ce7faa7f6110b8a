SELECT
  e.actor_id,
  a.name,
  e.actor_type,
  e.unit,
  e.how
FROM ecosystem_actor AS e
JOIN user_actor AS a
  USING (actor_id)
WHERE
  e.ecosystem_id = ?
ORDER BY
  e.actor_type NULLS LAST,
  a.name NULLS LAST
