WITH e AS (
  SELECT
    ecosystem_id,
    name_en,
    name_nl,
    parent,
    position
  FROM ecosystem
  WHERE
    STARTS_WITH(ecosystem_id, ?)
), v AS (
  SELECT
    ecosystem_id,
    MAX(value) FILTER(WHERE
      measure = 'organisations' AND breakdown = '') AS organisations,
    MAX(value) FILTER(WHERE
      measure = 'participations' AND breakdown = '') AS participations,
    MAX(value) FILTER(WHERE
      measure = 'projects' AND breakdown = '') AS projects,
    MAX(value) FILTER(WHERE
      measure = 'ec_contribution_eur' AND breakdown = '') AS ec_contribution_eur,
    MAX(value) FILTER(WHERE
      measure = 'collaboration_relations' AND breakdown = 'internal') AS relations_internal,
    MAX(value) FILTER(WHERE
      measure = 'collaboration_relations' AND breakdown = '') AS relations_total
  FROM indicator_value
  WHERE
    year IS NULL AND STARTS_WITH(ecosystem_id, ?)
  GROUP BY
    ecosystem_id
), n AS (
  SELECT
    ecosystem_id,
    MAX(value) FILTER(WHERE
      metric = 'nodes') AS network_nodes,
    MAX(value) FILTER(WHERE
      metric = 'density') AS network_density,
    MAX(value) FILTER(WHERE
      metric = 'communities') AS network_communities,
    MAX(value) FILTER(WHERE
      metric = 'modularity') AS network_modularity
  FROM network_metric
  WHERE
    STARTS_WITH(ecosystem_id, ?)
  GROUP BY
    ecosystem_id
)
SELECT
  e.ecosystem_id,
  e.name_en,
  e.name_nl,
  e.parent,
  v.organisations,
  v.participations,
  v.projects,
  v.ec_contribution_eur,
  v.relations_internal,
  v.relations_total,
  n.network_nodes,
  n.network_density,
  n.network_communities,
  n.network_modularity
FROM e
LEFT JOIN v
  ON v.ecosystem_id = e.ecosystem_id
LEFT JOIN n
  ON n.ecosystem_id = e.ecosystem_id
ORDER BY
  e.position
