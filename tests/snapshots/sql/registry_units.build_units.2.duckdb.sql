INSERT INTO analysis_unit
WITH k AS (
  SELECT
    o.pic,
    COALESCE(k.org_key, 'pic:' || o.pic) AS unit_key
  FROM organisation AS o
  LEFT JOIN (
    SELECT
      CAST(value AS BIGINT) AS pic,
      MIN(org_key) AS org_key
    FROM registry_identifier
    WHERE
      scheme = 'pic'
    GROUP BY
      1
  ) AS k
    USING (pic)
), r AS (
  SELECT
    k.pic,
    k.unit_key,
    FIRST_VALUE(k.pic) OVER (PARTITION BY k.unit_key ORDER BY o.participations DESC, k.pic) AS unit
  FROM k
  JOIN organisation AS o
    USING (pic)
)
SELECT
  r.pic,
  r.unit,
  r.unit_key,
  COALESCE(g.name, o.label)
FROM r
JOIN organisation AS o
  ON o.pic = r.unit
LEFT JOIN registry_org AS g
  ON g.org_key = r.unit_key
