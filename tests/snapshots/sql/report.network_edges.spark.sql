SELECT
  e.source,
  e.target,
  e.projects
FROM network_edge AS e
WHERE
  e.ecosystem_id = ?
  AND e.source IN (
    SELECT
      pic
    FROM network_node
    WHERE
      ecosystem_id = ? AND NOT x IS NULL
  )
  AND e.target IN (
    SELECT
      pic
    FROM network_node
    WHERE
      ecosystem_id = ? AND NOT x IS NULL
  )
