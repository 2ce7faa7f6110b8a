SELECT
  e.ecosystem_id,
  e.name_en,
  e.name_nl,
  e.kind,
  e.parent,
  MAX(v.value) FILTER(WHERE
    v.measure = 'organisations') AS organisations,
  MAX(v.value) FILTER(WHERE
    v.measure = 'participations') AS participations,
  MAX(v.value) FILTER(WHERE
    v.measure = 'projects') AS projects,
  MAX(v.value) FILTER(WHERE
    v.measure = 'ec_contribution_eur') AS ec_contribution_eur,
  MAX(v.value) FILTER(WHERE
    v.measure = 'coordinator_roles') AS coordinator_roles,
  MAX(v.value) FILTER(WHERE
    v.measure = 'collaboration_relations' AND v.breakdown = 'internal') AS internal_organisation_pairs
FROM ecosystem AS e
LEFT JOIN indicator_value AS v
  ON v.ecosystem_id = e.ecosystem_id
  AND v.year IS NULL
  AND v.breakdown IN ('', 'internal')
GROUP BY
  e.ecosystem_id,
  e.name_en,
  e.name_nl,
  e.kind,
  e.parent,
  e.position
ORDER BY
  e.position NULLS LAST
