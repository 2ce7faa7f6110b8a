WITH link_ends AS (
  SELECT
    ecosystem_id,
    source AS pic
  FROM network_edge
  UNION ALL
  SELECT
    ecosystem_id,
    target
  FROM network_edge
), ends AS (
  SELECT
    e.ecosystem_id,
    CASE
      WHEN o.activity_type IN ('HES', 'REC')
      THEN 'K'
      WHEN o.activity_type = 'PRC' AND o.sme
      THEN 'S'
      WHEN o.activity_type = 'PRC'
      THEN 'F'
      ELSE 'O'
    END AS t,
    COUNT(*) AS n
  FROM link_ends AS e
  JOIN organisation AS o
    USING (pic)
  GROUP BY ALL
), obs AS (
  SELECT
    e.ecosystem_id,
    COUNT(*) AS m,
    COUNT(*) FILTER(WHERE
      (
        a.activity_type IN ('HES', 'REC') AND b.activity_type = 'PRC'
      )
      OR (
        b.activity_type IN ('HES', 'REC') AND a.activity_type = 'PRC'
      )) AS kf,
    COUNT(*) FILTER(WHERE
      (
        a.activity_type IN ('HES', 'REC') AND b.activity_type = 'PRC' AND b.sme
      )
      OR (
        b.activity_type IN ('HES', 'REC') AND a.activity_type = 'PRC' AND a.sme
      )) AS ks
  FROM network_edge AS e
  JOIN organisation AS a
    ON a.pic = e.source
  JOIN organisation AS b
    ON b.pic = e.target
  GROUP BY
    1
)
SELECT
  o.ecosystem_id,
  o.m,
  o.kf,
  o.ks,
  SUM(n) FILTER(WHERE
    t = 'K') / SUM(n) AS qk,
  SUM(n) FILTER(WHERE
    t IN ('F', 'S')) / SUM(n) AS qf,
  SUM(n) FILTER(WHERE
    t = 'S') / SUM(n) AS qs
FROM obs AS o
JOIN ends
  USING (ecosystem_id)
GROUP BY ALL
