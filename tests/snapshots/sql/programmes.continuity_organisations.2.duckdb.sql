SELECT
  c.pic,
  o.label,
  o.participations
FROM (
  SELECT
    p.pic,
    ARRAY_AGG(DISTINCT pr.framework ORDER BY pr.framework) AS programmes
  FROM participation AS p
  JOIN project AS pr
    USING (project_key)
  GROUP BY
    p.pic
) AS c
LEFT JOIN organisation AS o
  ON o.pic = c.pic
WHERE
  ARRAY_CONTAINS(c.programmes, ?) AND NOT ARRAY_CONTAINS(c.programmes, ?)
ORDER BY
  o.participations DESC,
  c.pic
LIMIT ?
