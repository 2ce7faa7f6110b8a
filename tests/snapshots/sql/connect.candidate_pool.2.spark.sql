WITH tp AS (
  SELECT DISTINCT
    project_key
  FROM project_part
  WHERE
    NULL IS NULL OR programme_part = NULL
), c AS (
  SELECT
    p.pic,
    COUNT(DISTINCT p.project_key) AS theme_projects,
    COALESCE(SUM(p.ec_contribution), 0) AS theme_ec
  FROM participation AS p
  JOIN tp
    USING (project_key)
  WHERE
    p.country IN (
      SELECT
        EXPLODE(CAST(ARRAY('NL', 'BE', 'DE') AS ARRAY<STRING>))
    )
    AND NOT p.pic IN (
      SELECT
        pic
      FROM ecosystem_member
      WHERE
        ecosystem_id = 'delft'
    )
  GROUP BY
    1
)
SELECT
  c.*,
  o.label,
  o.activity_type,
  o.actor_type,
  o.sme,
  o.country,
  l.municipality
FROM c
JOIN organisation AS o
  USING (pic)
LEFT JOIN org_location AS l
  USING (pic)
WHERE
  (
    'PRC' IS NULL OR o.activity_type = 'PRC'
  )
  AND (
    TRUE IS NULL OR o.sme = TRUE
  )
ORDER BY
  theme_projects DESC,
  theme_ec DESC,
  c.pic NULLS LAST
LIMIT 200
