WITH act AS (
  SELECT DISTINCT
    ecosystem_id,
    pic,
    start_year AS y
  FROM scope
  WHERE
    ARRAY_CONTAINS(?, ecosystem_id) AND start_year BETWEEN ? AND ?
), span AS (
  SELECT
    ecosystem_id,
    pic,
    MIN(y) AS first,
    MAX(y) AS last
  FROM act
  GROUP BY
    1,
    2
), yr AS (
  SELECT
    UNNEST(RANGE(?, ? + 1)) AS y
), e AS (
  SELECT
    UNNEST(CAST(? AS TEXT[])) AS ecosystem_id
), grid AS (
  SELECT
    e.ecosystem_id,
    yr.y
  FROM e, yr
), a AS (
  SELECT
    act.ecosystem_id,
    act.y,
    COUNT(*) AS active,
    COUNT(*) FILTER(WHERE
      s.first = act.y) AS entrants
  FROM act
  JOIN span AS s
    USING (ecosystem_id, pic)
  GROUP BY
    1,
    2
), l AS (
  SELECT
    ecosystem_id,
    last + 1 AS y,
    COUNT(*) AS leavers
  FROM span
  WHERE
    last < ?
  GROUP BY
    1,
    2
), f AS (
  SELECT
    ecosystem_id,
    start_year AS y,
    COALESCE(SUM(ec_contribution), 0) AS funding
  FROM scope
  WHERE
    ARRAY_CONTAINS(?, ecosystem_id) AND start_year BETWEEN ? AND ?
  GROUP BY
    1,
    2
), k AS (
  SELECT
    ecosystem_id,
    year AS y,
    value AS links
  FROM indicator_value
  WHERE
    measure = 'collaboration_relations'
    AND breakdown = 'internal'
    AND NOT year IS NULL
    AND ARRAY_CONTAINS(?, ecosystem_id)
)
SELECT
  g.ecosystem_id,
  g.y,
  COALESCE(a.active, 0),
  COALESCE(a.entrants, 0),
  COALESCE(l.leavers, 0),
  COALESCE(f.funding, 0),
  COALESCE(k.links, 0)
FROM grid AS g
LEFT JOIN a
  USING (ecosystem_id, y)
LEFT JOIN l
  USING (ecosystem_id, y)
LEFT JOIN f
  USING (ecosystem_id, y)
LEFT JOIN k
  USING (ecosystem_id, y)
ORDER BY
  1,
  2
