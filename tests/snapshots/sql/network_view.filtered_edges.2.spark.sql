WITH s AS (
  SELECT DISTINCT
    project_key,
    pic
  FROM scope
  WHERE
    ecosystem_id = 'nl' AND start_year >= 2016 AND start_year <= 2018
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
  AND ARRAY_CONTAINS(CAST(ARRAY('HES', 'REC') AS ARRAY<STRING>), oa.activity_type)
  AND ARRAY_CONTAINS(CAST(ARRAY('HES', 'REC') AS ARRAY<STRING>), ob.activity_type)
GROUP BY
  x.pic,
  y.pic
