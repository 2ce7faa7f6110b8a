WITH life AS (
  SELECT
    ecosystem_id,
    pic,
    MIN(start_year) AS first,
    MAX(start_year) AS last
  FROM scope
  WHERE
    NOT start_year IS NULL
  GROUP BY
    1,
    2
), years AS (
  SELECT DISTINCT
    ecosystem_id,
    start_year AS y
  FROM scope
  WHERE
    NOT start_year IS NULL
), span AS (
  SELECT
    ecosystem_id,
    MIN(y) AS y0,
    MAX(y) AS y1
  FROM years
  GROUP BY
    1
)
SELECT
  y.ecosystem_id,
  y.y,
  COUNT(*) FILTER(WHERE
    l.first = y.y) AS entrants,
  COUNT(*) FILTER(WHERE
    l.last = y.y - 1) AS exits,
  COUNT(*) FILTER(WHERE
    l.first <= y.y AND l.last >= y.y) AS active,
  ANY_VALUE(s.y0) IGNORE NULLS AS y0,
  ANY_VALUE(s.y1) IGNORE NULLS AS y1
FROM years AS y
JOIN life AS l
  USING (ecosystem_id)
JOIN span AS s
  USING (ecosystem_id)
GROUP BY ALL
ORDER BY
  1 NULLS LAST,
  2 NULLS LAST
