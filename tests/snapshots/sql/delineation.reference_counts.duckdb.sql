SELECT
  ? AS ecosystem_id,
  COUNT(DISTINCT COALESCE(_u.unit, _r.pic)) AS ref
FROM (
  SELECT
    o.pic
  FROM organisation AS o
  LEFT JOIN org_location AS l
    ON l.pic = o.pic
  WHERE
    ARRAY_CONTAINS(CAST(? AS TEXT[]), o.country)
) AS _r
LEFT JOIN analysis_unit AS _u
  ON _u.pic = _r.pic
UNION ALL
SELECT
  ? AS ecosystem_id,
  COUNT(DISTINCT COALESCE(_u.unit, _r.pic)) AS ref
FROM (
  WITH _h0 AS (
    SELECT
      UNNEST(CAST(? AS BIGINT[])) AS pic
  ), _h1 AS (
    SELECT
      pic
    FROM _h0
    UNION
    SELECT
      b.pic
    FROM participation AS a
    JOIN participation AS b
      ON a.project_key = b.project_key
    WHERE
      a.pic IN (
        SELECT
          pic
        FROM _h0
      )
  ), _h2 AS (
    SELECT
      pic
    FROM _h1
    UNION
    SELECT
      b.pic
    FROM participation AS a
    JOIN participation AS b
      ON a.project_key = b.project_key
    WHERE
      a.pic IN (
        SELECT
          pic
        FROM _h1
      )
  ), _hood AS (
    SELECT
      pic
    FROM _h2
  )
  SELECT
    o.pic
  FROM organisation AS o
  LEFT JOIN org_location AS l
    ON l.pic = o.pic
  WHERE
    ARRAY_CONTAINS(CAST(? AS TEXT[]), o.country)
    AND o.pic IN (
      SELECT
        _n.pic
      FROM organisation AS _n
      WHERE
        STARTS_WITH(UPPER(TRIM(_n.nuts_code)), ?)
    )
    AND (
      ARRAY_CONTAINS(CAST(? AS TEXT[]), LOWER(l.province))
      OR ARRAY_CONTAINS(CAST(? AS TEXT[]), UPPER(l.province_code))
    )
    AND (
      ARRAY_CONTAINS(CAST(? AS TEXT[]), LOWER(l.corop))
      OR ARRAY_CONTAINS(CAST(? AS TEXT[]), UPPER(l.corop_code))
    )
    AND (
      ARRAY_CONTAINS(CAST(? AS TEXT[]), LOWER(l.municipality))
      OR ARRAY_CONTAINS(CAST(? AS TEXT[]), UPPER(l.municipality_code))
    )
    AND ARRAY_CONTAINS(CAST(? AS TEXT[]), l.knowledge_city)
    AND ARRAY_CONTAINS(CAST(? AS TEXT[]), o.activity_type)
    AND ARRAY_CONTAINS(CAST(? AS BIGINT[]), o.pic)
    AND o.pic IN (
      SELECT
        pic
      FROM _hood
    )
) AS _r
LEFT JOIN analysis_unit AS _u
  ON _u.pic = _r.pic
