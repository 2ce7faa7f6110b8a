SELECT
  e.*,
  (
    SELECT
      COUNT(*)
    FROM ecosystem_member AS m
    WHERE
      m.ecosystem_id = e.ecosystem_id
  ) AS members
FROM ecosystem AS e
ORDER BY
  position NULLS LAST
