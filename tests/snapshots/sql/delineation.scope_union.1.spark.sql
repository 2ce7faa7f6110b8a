SELECT
  'nl' AS ecosystem_id,
  pic,
  project_key
FROM (
  SELECT DISTINCT
    p.pic,
    p.project_key
  FROM participation AS p
  JOIN project AS pr
    ON pr.project_key = p.project_key
  LEFT JOIN org_location AS l
    ON l.pic = p.pic
  WHERE
    ARRAY_CONTAINS(CAST(ARRAY('NL') AS ARRAY<STRING>), p.country)
)
UNION ALL
SELECT
  'all-filters' AS ecosystem_id,
  pic,
  project_key
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
  SELECT DISTINCT
    p.pic,
    p.project_key
  FROM participation AS p
  JOIN project AS pr
    ON pr.project_key = p.project_key
  LEFT JOIN org_location AS l
    ON l.pic = p.pic
  WHERE
    ARRAY_CONTAINS(CAST(ARRAY('NL') AS ARRAY<STRING>), p.country)
    AND p.pic IN (
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
    AND ARRAY_CONTAINS(CAST(ARRAY('HES') AS ARRAY<STRING>), p.activity_type)
    AND ARRAY_CONTAINS(CAST(ARRAY(1, 2) AS ARRAY<BIGINT>), p.pic)
    AND p.pic IN (
      SELECT
        pic
      FROM _hood
    )
    AND ARRAY_CONTAINS(CAST(ARRAY('H2020') AS ARRAY<STRING>), pr.framework)
    AND EXISTS(
      SELECT
        1
      FROM project_part AS pp
      WHERE
        pp.project_key = p.project_key
        AND ARRAY_CONTAINS(CAST(ARRAY('SC1') AS ARRAY<STRING>), UPPER(pp.programme_part))
    )
    AND (
      STARTSWITH(COALESCE(pr.topics, ''), 'SC1-')
    )
    AND (
      (
        LOWER(COALESCE(pr.title, '')) LIKE '%health%'
        OR LOWER(COALESCE(pr.objective, '')) LIKE '%health%'
        OR LOWER(COALESCE(pr.acronym, '')) LIKE '%health%'
      )
    )
    AND pr.start_year BETWEEN 2015 AND 2018
)
