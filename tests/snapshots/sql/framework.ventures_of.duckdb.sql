SELECT
  v.actor_id,
  a.name,
  a.actor_type,
  v.founding_year,
  v.sector,
  v.stage,
  v.parent_ref,
  p.name AS parent_name,
  p.actor_type AS parent_type,
  v.ip_holder_ref,
  h.name AS ip_holder_name,
  v.spin_off_year,
  a.city
FROM venture AS v
LEFT JOIN (
  SELECT
    actor_id,
    ANY_VALUE(name) AS name,
    ANY_VALUE(actor_type) AS actor_type,
    ANY_VALUE(city) AS city
  FROM user_actor
  GROUP BY
    1
) AS a
  USING (actor_id)
LEFT JOIN (
  SELECT
    actor_id AS ref,
    ANY_VALUE(name) AS name,
    ANY_VALUE(actor_type) AS actor_type
  FROM user_actor
  GROUP BY
    1
  UNION ALL
  SELECT
    'pic:' || CAST(pic AS TEXT),
    label,
    actor_type
  FROM organisation
  UNION ALL
  SELECT
    'ror:' || ror_id,
    ANY_VALUE(name),
    NULL
  FROM ror_record
  GROUP BY
    ror_id
) AS p
  ON LOWER(p.ref) = LOWER(v.parent_ref)
LEFT JOIN (
  SELECT
    actor_id AS ref,
    ANY_VALUE(name) AS name,
    ANY_VALUE(actor_type) AS actor_type
  FROM user_actor
  GROUP BY
    1
  UNION ALL
  SELECT
    'pic:' || CAST(pic AS TEXT),
    label,
    actor_type
  FROM organisation
  UNION ALL
  SELECT
    'ror:' || ror_id,
    ANY_VALUE(name),
    NULL
  FROM ror_record
  GROUP BY
    ror_id
) AS h
  ON LOWER(h.ref) = LOWER(v.ip_holder_ref)
WHERE
  v.ecosystems && CAST(? AS TEXT[])
ORDER BY
  a.name
