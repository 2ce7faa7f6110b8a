WITH s AS (
  SELECT DISTINCT
    project_key,
    pic
  FROM scope
  WHERE
    ecosystem_id = ? AND start_year >= ? AND start_year <= ?
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
  AND oa.activity_type IN (
    SELECT
      UNNEST(CAST(? AS TEXT[]))
  )
  AND ob.activity_type IN (
    SELECT
      UNNEST(CAST(? AS TEXT[]))
  )
GROUP BY
  a.pic,
  b.pic
ORDER BY
  a.pic,
  b.pic
