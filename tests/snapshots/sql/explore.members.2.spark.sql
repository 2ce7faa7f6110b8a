SELECT
  o.pic,
  o.label,
  NOT o.name IS NULL AS named,
  o.activity_type,
  o.actor_type,
  o.country,
  l.municipality,
  COUNT(*) AS participations,
  COALESCE(SUM(s.ec_contribution), 0) AS ec_contribution_eur,
  COUNT(*) FILTER(WHERE
    s.role = 'coordinator') AS coordinator_roles,
  ANY_VALUE(n.degree) IGNORE NULLS AS degree,
  ANY_VALUE(n.betweenness) IGNORE NULLS AS betweenness,
  ANY_VALUE(n.community) IGNORE NULLS AS community
FROM scope AS s
JOIN organisation AS o
  USING (pic)
LEFT JOIN org_location AS l
  USING (pic)
LEFT JOIN network_node AS n
  ON n.ecosystem_id = s.ecosystem_id AND n.pic = s.pic
WHERE
  s.ecosystem_id = 'delft'
GROUP BY
  o.pic,
  o.label,
  o.name,
  o.activity_type,
  o.actor_type,
  o.country,
  l.municipality
ORDER BY
  betweenness DESC,
  o.pic NULLS LAST
LIMIT 10
OFFSET 20
