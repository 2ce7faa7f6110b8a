WITH ref AS (
  SELECT
    'nl' AS ecosystem_id,
    COUNT(DISTINCT COALESCE(_u.unit, _r.pic)) AS ref
  FROM (
    SELECT
      o.pic
    FROM organisation AS o
    LEFT JOIN org_location AS l
      ON l.pic = o.pic
    WHERE
      ARRAY_CONTAINS(CAST(ARRAY('NL') AS ARRAY<STRING>), o.country)
  ) AS _r
  LEFT JOIN analysis_unit AS _u
    ON _u.pic = _r.pic
), n AS (
  SELECT
    r.ecosystem_id,
    r.ref,
    COALESCE(m.members, 0) AS members
  FROM ref AS r
  LEFT JOIN (
    SELECT
      ecosystem_id,
      COUNT(*) AS members
    FROM ecosystem_member
    GROUP BY
      1
  ) AS m
    USING (ecosystem_id)
)
SELECT
  ecosystem_id,
  '37',
  'reference_population',
  '',
  NULL,
  ref,
  'organisations',
  'prov',
  'method',
  CAST(NOW() AS TIMESTAMP_NTZ)
FROM n
UNION ALL
SELECT
  ecosystem_id,
  '37',
  'organisation_degree',
  '',
  NULL,
  CASE WHEN ref > 0 THEN members / ref END,
  'share',
  'prov',
  'method',
  CAST(NOW() AS TIMESTAMP_NTZ)
FROM n
