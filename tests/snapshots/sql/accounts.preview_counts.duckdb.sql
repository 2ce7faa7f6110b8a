SELECT
  COUNT(DISTINCT pic) AS members,
  COUNT(DISTINCT project_key) AS projects,
  (
    SELECT
      COUNT(DISTINCT pic)
    FROM _preview
    WHERE
      NOT pic IN (
        SELECT
          pic
        FROM ecosystem_member
        WHERE
          ecosystem_id = ?
      )
  ) AS entering,
  (
    SELECT
      COUNT(DISTINCT pic)
    FROM ecosystem_member
    WHERE
      ecosystem_id = ? AND NOT pic IN (
        SELECT
          pic
        FROM _preview
      )
  ) AS leaving
FROM _preview
