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
  e.ecosystem_id = 'nl'
