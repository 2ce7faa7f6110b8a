INSERT INTO analysis_unit
WITH k AS (
  WITH RECURSIVE org AS (
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
  ), up(org_key, anc, depth) AS (
    SELECT DISTINCT
      unit_key,
      unit_key,
      0
    FROM org
    UNION ALL
    SELECT
      u.org_key,
      r.parent_key,
      u.depth + 1
    FROM up AS u
    JOIN registry_org AS r
      ON r.org_key = u.anc
    WHERE
      NOT r.parent_key IS NULL AND r.parent_key <> u.anc AND u.depth < 6
  ), top AS (
    SELECT
      org_key,
      ARG_MAX(anc, depth) AS top
    FROM up
    GROUP BY
      1
  )
  SELECT
    org.pic,
    top.top AS unit_key
  FROM org
  JOIN top
    ON top.org_key = org.unit_key
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
