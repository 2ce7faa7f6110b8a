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
    MIN(y) AS c
  FROM act
  GROUP BY
    1,
    2
), ks AS (
  SELECT
    UNNEST(RANGE(1, ? - ? + 1)) AS k
)
SELECT
  s.ecosystem_id,
  s.c,
  ks.k,
  COUNT(DISTINCT s.pic) AS cohort,
  COUNT(DISTINCT a.pic) AS survivors
FROM span AS s
JOIN ks
  ON s.c + ks.k <= ?
LEFT JOIN act AS a
  ON a.ecosystem_id = s.ecosystem_id AND a.pic = s.pic AND a.y >= s.c + ks.k
GROUP BY
  1,
  2,
  3
ORDER BY
  1,
  2,
  3
