SELECT
  c.pic,
  o.label,
  o.participations
FROM (
  SELECT
    pic,
    COLLECT_LIST(DISTINCT framework) AS programmes
  FROM scope
  WHERE
    ecosystem_id = 'nl'
  GROUP BY
    pic
) AS c
LEFT JOIN organisation AS o
  ON o.pic = c.pic
WHERE
  NOT ARRAY_CONTAINS(c.programmes, 'FP7') AND ARRAY_CONTAINS(c.programmes, 'H2020')
ORDER BY
  o.participations DESC,
  c.pic NULLS LAST
LIMIT 20
