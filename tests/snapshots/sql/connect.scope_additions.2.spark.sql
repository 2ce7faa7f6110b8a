WITH r AS (
  SELECT
    'Delft' AS city,
    'municipality' AS scope,
    EXPLODE(CAST(ARRAY('GM0503') AS ARRAY<STRING>)) AS code
  UNION ALL
  SELECT
    'Delft' AS city,
    'adjacent' AS scope,
    EXPLODE(CAST(ARRAY('GM0503') AS ARRAY<STRING>)) AS code
  UNION ALL
  SELECT
    'Delft' AS city,
    'corop' AS scope,
    EXPLODE(CAST(ARRAY('GM0503') AS ARRAY<STRING>)) AS code
  UNION ALL
  SELECT
    'Leiden' AS city,
    'municipality' AS scope,
    EXPLODE(CAST(ARRAY('GM0546') AS ARRAY<STRING>)) AS code
  UNION ALL
  SELECT
    'Leiden' AS city,
    'adjacent' AS scope,
    EXPLODE(CAST(ARRAY('GM0546', 'GM0547') AS ARRAY<STRING>)) AS code
  UNION ALL
  SELECT
    'Leiden' AS city,
    'corop' AS scope,
    EXPLODE(CAST(ARRAY('GM0546') AS ARRAY<STRING>)) AS code
)
SELECT
  r.city,
  r.scope,
  COUNT(DISTINCT COALESCE(u.unit, l.pic)),
  COUNT(DISTINCT r.code)
FROM r
LEFT JOIN org_location AS l
  ON l.municipality_code = r.code
  AND l.pic IN (
    SELECT
      pic
    FROM organisation
    WHERE
      participations > 0
  )
LEFT JOIN analysis_unit AS u
  ON u.pic = l.pic /* organisations in analysis units, as the members are */
GROUP BY
  1,
  2
