SELECT
  c.pic,
  o.label,
  o.participations
FROM (
  SELECT
    pic,
    ARRAY_AGG(DISTINCT framework ORDER BY framework) AS programmes
  FROM scope
  WHERE
    ecosystem_id = ?
  GROUP BY
    pic
) AS c
LEFT JOIN organisation AS o
  ON o.pic = c.pic
WHERE
  NOT ARRAY_CONTAINS(c.programmes, ?) AND ARRAY_CONTAINS(c.programmes, ?)
ORDER BY
  o.participations DESC,
  c.pic
LIMIT ?
