WITH k AS (
  SELECT
    CAST(value AS BIGINT) AS pic,
    MIN(org_key) AS org_key
  FROM registry_identifier
  WHERE
    scheme = 'pic'
  GROUP BY
    1
), ref AS (
  SELECT
    r.ref,
    CASE
      WHEN r.ref LIKE 'pic:%'
      THEN COALESCE(kp.org_key, r.ref)
      WHEN r.ref LIKE 'ror:%'
      THEN r.ref
      WHEN NOT a.pic IS NULL
      THEN COALESCE(ka.org_key, 'pic:' || CAST(a.pic AS STRING))
      WHEN NOT a.ror_id IS NULL
      THEN 'ror:' || a.ror_id
      ELSE 'actor:' || r.ref
    END AS org_key,
    a.name
  FROM (
    SELECT
      source_ref AS ref
    FROM user_relation
    UNION
    SELECT
      target_ref
    FROM user_relation
  ) AS r
  LEFT JOIN k AS kp
    ON r.ref LIKE 'pic:%' AND kp.pic = TRY_CAST(SUBSTRING(r.ref, 5) AS BIGINT)
  LEFT JOIN (
    SELECT
      *
    FROM (
      SELECT
        *,
        ROW_NUMBER() OVER (PARTITION BY actor_id ORDER BY batch_id DESC) AS _w
      FROM user_actor
    ) AS _t
    WHERE
      _w = 1
  ) AS a
    ON a.actor_id = r.ref
  LEFT JOIN k AS ka
    ON ka.pic = a.pic
)
SELECT
  s.org_key AS source,
  t.org_key AS target,
  u.relation_type,
  COALESCE(u.weight, 1.0) AS weight,
  s.name AS source_name,
  t.name AS target_name
FROM user_relation AS u
JOIN ref AS s
  ON s.ref = u.source_ref
JOIN ref AS t
  ON t.ref = u.target_ref
WHERE
  s.org_key <> t.org_key
