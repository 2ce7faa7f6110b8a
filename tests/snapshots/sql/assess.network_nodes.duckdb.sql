SELECT
  n.pic,
  n.degree,
  n.betweenness,
  o.label
FROM network_node AS n
JOIN organisation AS o
  USING (pic)
WHERE
  n.ecosystem_id = ? AND n.pic IN (
    SELECT
      UNNEST(CAST(? AS BIGINT[]))
  )
