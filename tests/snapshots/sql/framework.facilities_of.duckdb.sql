SELECT
  f.facility_id,
  f.name,
  f.facility_type,
  f.owner_ref,
  o.name AS owner_name,
  f.operator_ref,
  p.name AS operator_name,
  f.lat,
  f.lon,
  f.postcode,
  f.city,
  f.municipality,
  f.opening_year,
  f.capacity,
  f.capacity_unit,
  f.website,
  b.file AS source_file,
  f.source_row
FROM facility AS f
JOIN import_batch AS b
  USING (batch_id)
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
) AS o
  ON LOWER(o.ref) = LOWER(f.owner_ref)
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
  ON LOWER(p.ref) = LOWER(f.operator_ref)
WHERE
  f.ecosystems && CAST(? AS TEXT[])
ORDER BY
  f.name
