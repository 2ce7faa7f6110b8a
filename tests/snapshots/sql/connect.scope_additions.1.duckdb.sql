WITH r AS (
  SELECT
    ? AS city,
    ? AS scope,
    UNNEST(CAST(? AS TEXT[])) AS code
  UNION ALL
  SELECT
    ? AS city,
    ? AS scope,
    UNNEST(CAST(? AS TEXT[])) AS code
  UNION ALL
  SELECT
    ? AS city,
    ? AS scope,
    UNNEST(CAST(? AS TEXT[])) AS code
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
