SELECT
  (
    SELECT
      COUNT(*)
    FROM registry_org
  ) AS organisations,
  (
    SELECT
      COUNT(*)
    FROM registry_org
    WHERE
      basis LIKE 'ror + pic%'
  ) AS linked,
  (
    SELECT
      COUNT(DISTINCT left_id)
    FROM org_match
    WHERE
      status IN ('matched', 'accepted')
  ) AS pics_linked,
  (
    SELECT
      COUNT(*)
    FROM org_match
    WHERE
      status = 'uncertain'
  ) AS uncertain,
  (
    SELECT
      COUNT(*)
    FROM match_decision
  ) AS decisions
