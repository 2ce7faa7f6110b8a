SELECT
  e1.actor_id,
  e1.year,
  e0.employees AS start_employees,
  e1.employees AS end_employees,
  v.founding_year,
  v.sector,
  e0.confidential OR e1.confidential AS confidential
FROM venture_employees AS e1
JOIN venture_employees AS e0
  ON e0.actor_id = e1.actor_id AND e0.year = e1.year - ?
JOIN venture AS v
  ON v.actor_id = e1.actor_id
WHERE
  v.ecosystems && CAST(? AS TEXT[])
  AND e0.employees >= ?
  AND e0.employees > 0
  AND POWER(e1.employees / e0.employees, 1.0 / ?) - 1 >= ? - 1e-9
ORDER BY
  e1.year,
  e1.actor_id
