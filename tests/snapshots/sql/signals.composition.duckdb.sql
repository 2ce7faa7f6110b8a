SELECT
  m.ecosystem_id,
  o.actor_type,
  COUNT(*)
FROM ecosystem_member AS m
JOIN organisation AS o
  USING (pic)
GROUP BY ALL
ORDER BY
  1,
  2
