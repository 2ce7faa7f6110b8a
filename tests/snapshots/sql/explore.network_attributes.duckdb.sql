SELECT
  o.pic,
  o.label,
  o.activity_type,
  o.actor_type,
  o.country,
  n.betweenness,
  n.community,
  NOT m.pic IS NULL AS member
FROM (
  SELECT
    UNNEST(CAST(? AS BIGINT[])) AS pic
) AS x
JOIN organisation AS o
  USING (pic)
LEFT JOIN network_node AS n
  ON n.ecosystem_id = ? AND n.pic = o.pic
LEFT JOIN ecosystem_member AS m
  ON m.ecosystem_id = ? AND m.pic = o.pic
ORDER BY
  o.pic
