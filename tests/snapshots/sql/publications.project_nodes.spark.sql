WITH k AS (
  SELECT
    CAST(value AS BIGINT) AS pic,
    MIN(org_key) AS org_key
  FROM registry_identifier
  WHERE
    scheme = 'pic'
  GROUP BY
    1
)
SELECT
  COALESCE(k.org_key, 'pic:' || CAST(n.pic AS STRING)) AS org_key,
  ANY_VALUE(o.label) IGNORE NULLS AS label,
  ANY_VALUE(o.activity_type) IGNORE NULLS AS activity_type,
  ANY_VALUE(o.country) IGNORE NULLS AS country,
  MIN(n.pic) AS pic,
  BOOL_OR(NOT m.pic IS NULL) AS member
FROM network_node AS n
JOIN organisation AS o
  ON o.pic = n.pic
LEFT JOIN k
  ON k.pic = n.pic
LEFT JOIN ecosystem_member AS m
  ON m.ecosystem_id = n.ecosystem_id AND m.pic = n.pic
WHERE
  n.ecosystem_id = ?
GROUP BY
  1
