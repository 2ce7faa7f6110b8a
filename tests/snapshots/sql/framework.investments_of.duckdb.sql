SELECT
  i.facility_id,
  f.name AS facility,
  i.year,
  i.amount,
  i.currency,
  i.funder_ref,
  r.name AS funder_name,
  i.confidential,
  i.source
FROM facility_investment AS i
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
  ON LOWER(r.ref) = LOWER(i.funder_ref)
WHERE
  f.ecosystems && CAST(? AS TEXT[])
ORDER BY
  f.name,
  i.year
