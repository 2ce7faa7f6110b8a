SELECT
  m.left_scheme,
  m.left_id,
  COALESCE(o.label, m.evidence ->> '$.left_name') AS left_name,
  m.right_scheme,
  m.right_id,
  COALESCE(r.name, m.evidence ->> '$.right_name') AS right_name,
  m.score,
  m.method,
  m.status,
  CAST(m.evidence AS TEXT) AS evidence,
  COALESCE(o.participations, 0) AS participations
FROM org_match AS m
LEFT JOIN organisation AS o
  ON m.left_scheme = 'pic' AND CAST(o.pic AS TEXT) = m.left_id
LEFT JOIN (
  SELECT
    ror_id,
    ANY_VALUE(name) AS name
  FROM ror_record
  GROUP BY
    1
) AS r
  ON r.ror_id = m.right_id
ORDER BY
  participations DESC,
  m.left_id,
  m.score DESC
