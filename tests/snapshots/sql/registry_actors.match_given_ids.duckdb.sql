INSERT INTO org_match
SELECT
  'actor',
  a.actor_id,
  'registry',
  COALESCE(i.org_key, 'ror:' || r.ror_id, v.org_key),
  100,
  CASE
    WHEN NOT i.org_key IS NULL
    THEN 'deterministic: PIC given'
    WHEN NOT r.ror_id IS NULL
    THEN 'deterministic: ROR id given'
    ELSE 'deterministic: VAT number given'
  END,
  'matched',
  JSON_OBJECT(
    'left_name', a.name,
    'right_name', COALESCE(g.name, r.name),
    'pic', a.pic,
    'ror', a.ror_id,
    'vat', a.vat
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
LEFT JOIN (
  SELECT
    value,
    MIN(org_key) AS org_key
  FROM registry_identifier
  WHERE
    scheme = 'vat'
  GROUP BY
    1
  HAVING
    COUNT(DISTINCT org_key) = 1
) AS v
  ON v.value = a.vat
LEFT JOIN registry_org AS g
  ON g.org_key = COALESCE(i.org_key, 'ror:' || r.ror_id, v.org_key)
WHERE
  NOT i.org_key IS NULL OR NOT r.ror_id IS NULL OR NOT v.org_key IS NULL
