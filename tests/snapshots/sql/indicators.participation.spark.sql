WITH wide AS (
  SELECT
    ecosystem_id,
    CASE
      WHEN GROUPING(activity_type) = 0
      THEN 'activity:' || COALESCE(activity_type, '?')
      WHEN GROUPING(actor_type) = 0
      THEN 'actor:' || COALESCE(actor_type, '?')
      WHEN GROUPING(framework) = 0
      THEN 'programme:' || COALESCE(framework, '?')
      ELSE ''
    END AS breakdown,
    start_year,
    CAST(COUNT(DISTINCT pic) AS DOUBLE) AS organisations,
    CAST(COUNT(*) AS DOUBLE) AS participations,
    CAST(COUNT(DISTINCT project_key) AS DOUBLE) AS projects,
    CAST(COUNT(*) FILTER(WHERE
      role = 'coordinator') AS DOUBLE) AS coordinator_roles,
    COALESCE(SUM(ec_contribution), 0) AS ec_contribution_eur
  FROM scope
  GROUP BY
    GROUPING SETS (
      (
        ecosystem_id
      ),
      (ecosystem_id, start_year),
      (ecosystem_id, activity_type),
      (ecosystem_id, activity_type, start_year),
      (ecosystem_id, actor_type),
      (ecosystem_id, actor_type, start_year),
      (ecosystem_id, framework),
      (ecosystem_id, framework, start_year)
    )
  HAVING
    NOT (
      GROUPING(start_year) = 0 AND start_year IS NULL
    )
)
SELECT
  ecosystem_id,
  CASE measure WHEN 'organisations' THEN '29' ELSE measure END,
  measure,
  breakdown,
  start_year,
  value,
  CASE measure WHEN 'ec_contribution_eur' THEN 'EUR' ELSE measure END
FROM wide
UNPIVOT(value FOR 
  measure IN (organisations, participations, projects, coordinator_roles, ec_contribution_eur)
)
