WITH s AS (
  SELECT DISTINCT
    project_key,
    pic
  FROM scope
  WHERE
    ecosystem_id = 'nl' AND framework = 'FP7'
)
SELECT
  x.pic AS a,
  y.pic AS b,
  COUNT(*) AS w
FROM s AS x
JOIN s AS y
  ON x.project_key = y.project_key AND x.pic < y.pic
JOIN organisation AS oa
  ON oa.pic = x.pic
JOIN organisation AS ob
  ON ob.pic = y.pic
WHERE
  TRUE
GROUP BY
  x.pic,
  y.pic
