SELECT
  'nl' AS ecosystem_id,
  COUNT(DISTINCT COALESCE(_u.unit, _r.pic)) AS ref
FROM (
  SELECT
    o.pic
  FROM organisation AS o
  LEFT JOIN org_location AS l
    ON l.pic = o.pic
  WHERE
    ARRAY_CONTAINS(CAST(ARRAY('NL') AS ARRAY<STRING>), o.country)
) AS _r
LEFT JOIN analysis_unit AS _u
  ON _u.pic = _r.pic
UNION ALL
SELECT
  'all-filters' AS ecosystem_id,
  COUNT(DISTINCT COALESCE(_u.unit, _r.pic)) AS ref
FROM (
  WITH _h0 AS (
    SELECT
      EXPLODE(CAST(ARRAY(1) AS ARRAY<BIGINT>)) AS pic
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
    ARRAY_CONTAINS(CAST(ARRAY('NL') AS ARRAY<STRING>), o.country)
    AND o.pic IN (
      SELECT
        _n.pic
      FROM organisation AS _n
      WHERE
        STARTSWITH(UPPER(TRIM(_n.nuts_code)), 'NL33')
    )
    AND (
      ARRAY_CONTAINS(CAST(ARRAY('utrecht') AS ARRAY<STRING>), LOWER(l.province))
      OR ARRAY_CONTAINS(CAST(ARRAY('UTRECHT') AS ARRAY<STRING>), UPPER(l.province_code))
    )
    AND (
      ARRAY_CONTAINS(CAST(ARRAY('cr17') AS ARRAY<STRING>), LOWER(l.corop))
      OR ARRAY_CONTAINS(CAST(ARRAY('CR17') AS ARRAY<STRING>), UPPER(l.corop_code))
    )
    AND (
      ARRAY_CONTAINS(CAST(ARRAY('delft') AS ARRAY<STRING>), LOWER(l.municipality))
      OR ARRAY_CONTAINS(CAST(ARRAY('DELFT') AS ARRAY<STRING>), UPPER(l.municipality_code))
    )
    AND ARRAY_CONTAINS(CAST(ARRAY('Delft') AS ARRAY<STRING>), l.knowledge_city)
    AND ARRAY_CONTAINS(CAST(ARRAY('HES') AS ARRAY<STRING>), o.activity_type)
    AND ARRAY_CONTAINS(CAST(ARRAY(1, 2) AS ARRAY<BIGINT>), o.pic)
    AND o.pic IN (
      SELECT
        pic
      FROM _hood
    )
) AS _r
LEFT JOIN analysis_unit AS _u
  ON _u.pic = _r.pic
