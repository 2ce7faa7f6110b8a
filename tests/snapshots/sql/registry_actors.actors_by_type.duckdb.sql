INSERT INTO indicator_value
WITH typed AS (
  SELECT
    m.ecosystem_id,
    'unit:' || m.pic AS who,
    COALESCE(ua.actor_type, o.actor_type, 'other') AS actor_type
  FROM ecosystem_member AS m
  JOIN organisation AS o
    USING (pic)
  LEFT JOIN (
    SELECT
      ecosystem_id,
      unit,
      MIN(actor_type) AS actor_type
    FROM ecosystem_actor
    WHERE
      NOT unit IS NULL
    GROUP BY
      1,
      2
  ) AS ua
    ON ua.ecosystem_id = m.ecosystem_id AND ua.unit = m.pic
  UNION ALL
  SELECT
    e.ecosystem_id,
    'actor:' || e.actor_id,
    e.actor_type
  FROM ecosystem_actor AS e
  WHERE
    e.unit IS NULL
    OR NOT e.unit IN (
      SELECT
        pic
      FROM ecosystem_member AS m
      WHERE
        m.ecosystem_id = e.ecosystem_id
    )
)
SELECT
  ecosystem_id,
  '29',
  'actors',
  CASE WHEN GROUPING(actor_type) = 0 THEN 'actor:' || actor_type ELSE '' END,
  NULL,
  CAST(COUNT(DISTINCT who) AS DOUBLE),
  'actors',
  ?,
  ?,
  CAST(NOW() AS TIMESTAMP)
FROM typed
WHERE
  ecosystem_id IN (
    SELECT DISTINCT
      ecosystem_id
    FROM ecosystem_actor
  )
GROUP BY
  GROUPING SETS (
    (
      ecosystem_id
    ),
    (ecosystem_id, actor_type)
  )
