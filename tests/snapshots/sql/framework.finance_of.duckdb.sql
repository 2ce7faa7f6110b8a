SELECT
  e.actor_id,
  a.name,
  e.round,
  e.event_date,
  YEAR(e.event_date) AS year,
  e.amount,
  e.currency,
  e.investors,
  e.instrument,
  e.confidential,
  e.source
FROM financing_event AS e
LEFT JOIN (
  SELECT
    actor_id,
    ANY_VALUE(name) AS name
  FROM user_actor
  GROUP BY
    1
) AS a
  USING (actor_id)
WHERE
  e.actor_id IN (
    SELECT
      actor_id
    FROM venture
    WHERE
      ecosystems && CAST(? AS TEXT[])
  )
ORDER BY
  e.event_date,
  a.name
