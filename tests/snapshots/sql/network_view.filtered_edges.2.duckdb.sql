WITH s AS (
  SELECT DISTINCT
    project_key,
    pic
  FROM scope
  WHERE
    ecosystem_id = ? AND start_year >= ? AND start_year <= ?
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
  AND ARRAY_CONTAINS(CAST(? AS TEXT[]), oa.activity_type)
  AND ARRAY_CONTAINS(CAST(? AS TEXT[]), ob.activity_type)
GROUP BY
  x.pic,
  y.pic
