INSERT INTO ecosystem_actor
SELECT
  ecosystem_id,
  actor_id,
  ANY_VALUE(actor_type),
  ANY_VALUE(unit),
  MIN(how)
FROM (
  SELECT
    m.ecosystem_id,
    a.actor_id,
    a.actor_type,
    au.unit,
    'member' AS how
  FROM user_actor AS a
  JOIN (
    SELECT
      m.left_id AS actor_id,
      MIN(u.unit) AS unit
    FROM org_match AS m
    JOIN registry_identifier AS i
      ON i.org_key = m.right_id AND i.scheme = 'pic'
    JOIN analysis_unit AS u
      ON u.pic = CAST(i.value AS BIGINT)
    WHERE
      m.left_scheme = 'actor' AND m.status IN ('matched', 'accepted')
    GROUP BY
      1
  ) AS au
    USING (actor_id)
  JOIN ecosystem_member AS m
    ON m.pic = au.unit
)
GROUP BY
  ecosystem_id,
  actor_id
