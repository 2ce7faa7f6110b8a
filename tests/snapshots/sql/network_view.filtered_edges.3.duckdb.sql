SELECT
  e.source AS a,
  e.target AS b,
  e.projects AS w
FROM network_edge AS e
JOIN organisation AS oa
  ON oa.pic = e.source
JOIN organisation AS ob
  ON ob.pic = e.target
WHERE
  e.ecosystem_id = ?
  AND ARRAY_CONTAINS(CAST(? AS TEXT[]), oa.activity_type)
  AND ARRAY_CONTAINS(CAST(? AS TEXT[]), ob.activity_type)
