WITH act AS (
  SELECT DISTINCT
    ecosystem_id,
    pic,
    start_year AS y
  FROM scope
  WHERE
    ARRAY_CONTAINS(?, ecosystem_id) AND start_year BETWEEN ? AND ?
), p AS (
  SELECT
    ecosystem_id,
    pic,
    BOOL_OR(CAST(y < ? AS BOOLEAN)) AS early,
    BOOL_OR(CAST(y >= ? AS BOOLEAN)) AS late
  FROM act
  GROUP BY
    1,
    2
)
SELECT
  ecosystem_id,
  CAST(COUNT(*) FILTER(WHERE
    late AND NOT early) AS DOUBLE) / NULLIF(COUNT(*) FILTER(WHERE
    late), 0)
FROM p
GROUP BY
  1
