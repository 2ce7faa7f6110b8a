WITH regions AS (
  SELECT
    n.nuts2,
    COUNT(*) AS members
  FROM ecosystem_member AS m
  JOIN org_location AS l
    USING (pic)
  JOIN (VALUES
    ('PV20', 'NL11'),
    ('PV28', 'NL33')) AS n(province, nuts2)
    ON n.province = l.province_code
  WHERE
    m.ecosystem_id = ?
  GROUP BY
    1
), latest AS (
  SELECT
    region_code,
    indicator,
    MAX(year) AS year
  FROM regional_statistic
  WHERE
    source = ?
  GROUP BY
    1,
    2
)
SELECT
  r.nuts2 AS region_code,
  ANY_VALUE(s.region_name) AS region_name,
  s.indicator,
  s.year,
  s.value,
  s.unit,
  r.members,
  r.members / SUM(r.members) OVER (PARTITION BY s.indicator) AS member_share
FROM regions AS r
JOIN latest AS l
  ON l.region_code = r.nuts2
JOIN regional_statistic AS s
  ON s.region_code = l.region_code
  AND s.indicator = l.indicator
  AND s.year = l.year
  AND s.source = ?
GROUP BY
  r.nuts2,
  s.indicator,
  s.year,
  s.value,
  s.unit,
  r.members
ORDER BY
  s.indicator,
  r.members DESC
