WITH s AS (
  SELECT DISTINCT
    ecosystem_id,
    project_key,
    pic
  FROM scope
  WHERE
    ecosystem_id IN ('delft', 'leiden')
    AND (
      NULL IS NULL OR start_year >= NULL
    )
    AND (
      NULL IS NULL OR start_year <= NULL
    )
), pr AS (
  SELECT
    x.ecosystem_id AS side,
    x.pic,
    x.project_key,
    y.pic AS partner
  FROM s AS x
  JOIN s AS y
    ON x.project_key = y.project_key
    AND x.ecosystem_id <> y.ecosystem_id
    AND x.pic <> y.pic
), tot AS (
  SELECT
    COUNT(DISTINCT project_key) AS n
  FROM pr
)
SELECT
  pr.pic,
  o.label,
  o.activity_type,
  pr.side AS ecosystem_id,
  COUNT(DISTINCT pr.project_key) AS joint_projects,
  COUNT(DISTINCT pr.partner) AS partners_other_side,
  COUNT(DISTINCT pr.project_key) / MAX(tot.n) AS share_of_joint_projects
FROM pr
JOIN organisation AS o
  ON o.pic = pr.pic, tot
GROUP BY ALL
ORDER BY
  joint_projects DESC,
  partners_other_side DESC,
  pr.pic NULLS LAST
LIMIT 10
