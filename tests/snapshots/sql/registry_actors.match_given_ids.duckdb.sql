INSERT INTO org_match
SELECT
  'actor',
  a.actor_id,
  'registry',
  COALESCE(i.org_key, 'ror:' || r.ror_id),
  100,
  CASE
    WHEN NOT a.pic IS NULL
    THEN 'deterministic: PIC given'
    ELSE 'deterministic: ROR id given'
  END,
  'matched',
  JSON_OBJECT(
    'left_name', a.name,
    'right_name', COALESCE(g.name, r.name),
    'pic', a.pic,
    'ror', a.ror_id
  ),
  CAST(NOW() AS TIMESTAMP)
FROM user_actor AS a
LEFT JOIN (
  SELECT
    value,
    ANY_VALUE(org_key) AS org_key
  FROM registry_identifier
  WHERE
    scheme = 'pic'
  GROUP BY
    1
) AS i
  ON i.value = CAST(a.pic AS TEXT)
LEFT JOIN (
  SELECT
    ror_id,
    ANY_VALUE(name) AS name
  FROM ror_record
  GROUP BY
    1
) AS r
  ON r.ror_id = a.ror_id AND a.pic IS NULL
LEFT JOIN registry_org AS g
  ON g.org_key = COALESCE(i.org_key, 'ror:' || r.ror_id)
WHERE
  NOT i.org_key IS NULL OR NOT r.ror_id IS NULL
