SELECT DISTINCT
  e1.year
FROM venture_employees AS e1
JOIN venture_employees AS e0
  ON e0.actor_id = e1.actor_id AND e0.year = e1.year - ?
JOIN venture AS v
  ON v.actor_id = e1.actor_id
WHERE
  v.ecosystems && CAST(? AS TEXT[])
ORDER BY
  1
