SELECT
  e.actor_id,
  e.year,
  e.employees,
  e.confidential
FROM venture_employees AS e
WHERE
  e.actor_id IN (
    SELECT
      actor_id
    FROM venture
    WHERE
      ecosystems && CAST(? AS TEXT[])
  )
ORDER BY
  e.actor_id,
  e.year
