SELECT
  u.facility_id,
  f.name AS facility,
  u.user_ref,
  r.name AS user_name,
  COALESCE(u.user_type, r.actor_type) AS user_type,
  u.amount,
  u.amount_unit,
  u.since_year,
  u.until_year
FROM facility_use AS u
JOIN facility AS f
  USING (facility_id)
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
) AS r
  ON LOWER(r.ref) = LOWER(u.user_ref)
WHERE
  f.ecosystems && CAST(? AS TEXT[])
ORDER BY
  f.name,
  r.name
