SELECT
  ? AS ecosystem_id,
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
    ARRAY_CONTAINS(CAST(? AS TEXT[]), p.country)
)
UNION ALL
SELECT
  ? AS ecosystem_id,
  pic,
  project_key
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
  SELECT DISTINCT
    p.pic,
    p.project_key
  FROM participation AS p
  JOIN project AS pr
    ON pr.project_key = p.project_key
  LEFT JOIN org_location AS l
    ON l.pic = p.pic
  WHERE
    ARRAY_CONTAINS(CAST(? AS TEXT[]), p.country)
    AND p.pic IN (
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
    AND ARRAY_CONTAINS(CAST(? AS TEXT[]), p.activity_type)
    AND ARRAY_CONTAINS(CAST(? AS BIGINT[]), p.pic)
    AND p.pic IN (
      SELECT
        pic
      FROM _hood
    )
    AND ARRAY_CONTAINS(CAST(? AS TEXT[]), pr.framework)
    AND EXISTS(
      SELECT
        1
      FROM project_part AS pp
      WHERE
        pp.project_key = p.project_key
        AND ARRAY_CONTAINS(CAST(? AS TEXT[]), UPPER(pp.programme_part))
    )
    AND (
      STARTS_WITH(COALESCE(pr.topics, ''), ?)
    )
    AND (
      (
        LOWER(COALESCE(pr.title, '')) LIKE ?
        OR LOWER(COALESCE(pr.objective, '')) LIKE ?
        OR LOWER(COALESCE(pr.acronym, '')) LIKE ?
      )
    )
    AND pr.start_year BETWEEN ? AND ?
)
