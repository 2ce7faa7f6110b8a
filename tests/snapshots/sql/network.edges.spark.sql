WITH pp AS (
  SELECT DISTINCT
    ecosystem_id,
    project_key,
    pic
  FROM scope
), sizes AS (
  SELECT
    ecosystem_id,
    project_key,
    COUNT(*) AS n
  FROM pp
  GROUP BY ALL
  HAVING
    COUNT(*) > 1
)
SELECT
  a.ecosystem_id,
  a.pic AS source,
  b.pic AS target,
  COUNT(*) AS projects,
  SUM(1.0 / (
    s.n - 1
  )) AS fractional
FROM pp AS a
JOIN pp AS b
  ON a.ecosystem_id = b.ecosystem_id
  AND a.project_key = b.project_key
  AND a.pic < b.pic
JOIN sizes AS s
  ON s.ecosystem_id = a.ecosystem_id AND s.project_key = a.project_key
GROUP BY
  a.ecosystem_id,
  a.pic,
  b.pic
