WITH e AS (
  SELECT
    source AS a,
    target AS b,
    works,
    fractional,
    association_strength
  FROM copub_edge
  WHERE
    ecosystem_id = ?
  UNION ALL
  SELECT
    target,
    source,
    works,
    fractional,
    association_strength
  FROM copub_edge
  WHERE
    ecosystem_id = ?
), nd AS (
  SELECT
    *
  FROM copub_node
  WHERE
    ecosystem_id = ?
)
SELECT
  p.org_key,
  p.label,
  p.inst_type,
  p.sector,
  p.country,
  CASE WHEN p.country = 'NL' THEN 'home' ELSE 'abroad' END AS side,
  SUM(e.works) AS joint_works,
  SUM(e.fractional) AS joint_fractional,
  COUNT(*) AS member_partners
FROM e
JOIN nd AS m
  ON m.org_key = e.a AND m.member
JOIN nd AS p
  ON p.org_key = e.b AND NOT p.member
GROUP BY
  1,
  2,
  3,
  4,
  5,
  6
ORDER BY
  side DESC,
  joint_works DESC,
  p.label NULLS LAST
LIMIT ?
