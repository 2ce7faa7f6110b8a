WITH d AS (
  SELECT
    ecosystem_id,
    MAX(degree) AS top,
    SUM(degree) AS ends
  FROM network_node
  GROUP BY
    1
), f AS (
  SELECT
    ecosystem_id,
    pic,
    SUM(ec_contribution) AS ec
  FROM scope
  GROUP BY
    1,
    2
), s AS (
  SELECT
    ecosystem_id,
    MAX(ec) / NULLIF(SUM(ec), 0) AS top_share,
    SUM(POWER(ec / NULLIF(t.total, 0), 2)) AS hhi
  FROM f
  JOIN (
    SELECT
      ecosystem_id,
      SUM(ec) AS total
    FROM f
    GROUP BY
      1
  ) AS t
    USING (ecosystem_id)
  GROUP BY
    1
)
SELECT
  d.ecosystem_id,
  d.top / NULLIF(d.ends, 0),
  s.top_share,
  s.hhi
FROM d
LEFT JOIN s
  USING (ecosystem_id)
