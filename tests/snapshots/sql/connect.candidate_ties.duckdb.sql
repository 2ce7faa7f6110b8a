WITH cand AS (
  SELECT
    UNNEST(CAST(? AS BIGINT[])) AS pic
), mp AS (
  SELECT
    m.project_key,
    m.pic,
    o.label
  FROM participation AS m
  JOIN ecosystem_member AS e
    ON e.pic = m.pic AND e.ecosystem_id = ?
  JOIN organisation AS o
    ON o.pic = m.pic
)
SELECT
  c.pic,
  COUNT(DISTINCT mp.project_key),
  ARRAY_AGG(DISTINCT mp.label ORDER BY mp.label)
FROM cand AS c
JOIN participation AS p
  USING (pic)
JOIN mp
  ON mp.project_key = p.project_key
GROUP BY
  1
