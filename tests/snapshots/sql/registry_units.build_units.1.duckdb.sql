INSERT INTO analysis_unit
WITH k AS (
  SELECT
    pic,
    'pic:' || pic AS unit_key
  FROM organisation
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
