SELECT
  ecosystem_id,
  MAX(value) FILTER(WHERE
    measure = 'participations' AND breakdown = '') / NULLIF(MAX(value) FILTER(WHERE
    measure = 'organisations' AND breakdown = ''), 0) AS participations_per_member,
  MAX(value) FILTER(WHERE
    measure = 'ec_contribution_eur' AND breakdown = '') / NULLIF(MAX(value) FILTER(WHERE
    measure = 'organisations' AND breakdown = ''), 0) AS funding_per_member,
  MAX(value) FILTER(WHERE
    measure = 'collaboration_relations' AND breakdown = 'internal') / NULLIF(MAX(value) FILTER(WHERE
    measure = 'organisations' AND breakdown = ''), 0) AS internal_pairs_per_member,
  SUM(value) FILTER(WHERE
    measure = 'collaboration_relations'
    AND breakdown IN ('rest_nl', 'eu', 'associated', 'third_country')) / NULLIF(MAX(value) FILTER(WHERE
    measure = 'organisations' AND breakdown = ''), 0) AS relations_per_member,
  MAX(value) FILTER(WHERE
    measure = 'organisation_degree') AS organisation_degree,
  MAX(value) FILTER(WHERE
    measure = 'largest_component_share') AS largest_component_share
FROM indicator_value
WHERE
  year IS NULL
  AND ecosystem_id IN (
    SELECT
      EXPLODE(CAST(? AS ARRAY<STRING>))
  )
GROUP BY
  1
