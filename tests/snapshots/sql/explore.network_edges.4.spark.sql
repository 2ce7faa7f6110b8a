WITH s AS (
  SELECT DISTINCT
    project_key,
    pic
  FROM scope
  WHERE
    ecosystem_id = 'delft' AND framework = 'FP7'
)
SELECT
  a.pic AS a,
  b.pic AS b,
  COUNT(*) AS w
FROM s AS a
JOIN s AS b
  ON a.project_key = b.project_key AND a.pic < b.pic
JOIN organisation AS oa
  ON oa.pic = a.pic
JOIN organisation AS ob
  ON ob.pic = b.pic
WHERE
  TRUE
GROUP BY
  a.pic,
  b.pic
ORDER BY
  a.pic NULLS LAST,
  b.pic NULLS LAST
