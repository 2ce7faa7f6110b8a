SELECT
  c.pic,
  o.label,
  o.participations
FROM (
  SELECT
    p.pic,
    COLLECT_LIST(DISTINCT pr.framework) AS programmes
  FROM participation AS p
  JOIN project AS pr
    USING (project_key)
  GROUP BY
    p.pic
) AS c
LEFT JOIN organisation AS o
  ON o.pic = c.pic
WHERE
  ARRAY_CONTAINS(c.programmes, 'H2020')
  AND NOT ARRAY_CONTAINS(c.programmes, 'HORIZON')
ORDER BY
  o.participations DESC,
  c.pic NULLS LAST
LIMIT 5
