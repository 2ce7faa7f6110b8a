SELECT
  p.pic,
  COALESCE(o.label, 'PIC ' || p.pic) AS label,
  o.city,
  o.country,
  COUNT(DISTINCT p.project_key) AS projects,
  NOT p.pic IN (
    SELECT
      pic
    FROM ecosystem_member
    WHERE
      ecosystem_id = ?
  ) AS entering
FROM _preview AS p
LEFT JOIN organisation AS o
  ON o.pic = p.pic
GROUP BY
  1,
  2,
  3,
  4
ORDER BY
  projects DESC,
  p.pic
LIMIT 25
