WITH pp AS (
  SELECT
    p.pic AS org,
    q.pic AS partner,
    ANY_VALUE(o.activity_type) AS t
  FROM participation AS p
  JOIN participation AS q
    ON q.project_key = p.project_key AND q.pic <> p.pic
  JOIN organisation AS o
    ON o.pic = q.pic
  JOIN organisation AS me
    ON me.pic = p.pic
  WHERE
    me.activity_type = ? AND me.country = ? AND me.participations >= 3
  GROUP BY
    1,
    2
), typed AS (
  SELECT
    org,
    t,
    COUNT(*) AS n
  FROM pp
  GROUP BY
    1,
    2
)
SELECT
  org,
  SUM(n) AS partners,
  1 - SUM(n * n) / (
    SUM(n) * SUM(n)
  ) AS blau
FROM typed
GROUP BY
  org
