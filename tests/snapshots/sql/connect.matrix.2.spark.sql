WITH s AS (
  SELECT DISTINCT
    ecosystem_id,
    project_key,
    pic
  FROM scope
  WHERE
    ARRAY_CONTAINS(ARRAY('delft', 'leiden', 'eindhoven'), ecosystem_id)
    AND (
      2016 IS NULL OR start_year >= 2016
    )
    AND (
      2018 IS NULL OR start_year <= 2018
    )
), pr AS (
  SELECT
    a.ecosystem_id AS ea,
    b.ecosystem_id AS eb,
    a.project_key,
    a.pic AS pa,
    b.pic AS pb
  FROM s AS a
  JOIN s AS b
    ON a.project_key = b.project_key
    AND a.ecosystem_id < b.ecosystem_id
    AND a.pic <> b.pic
), jp AS (
  SELECT DISTINCT
    ea,
    eb,
    project_key
  FROM pr
)
SELECT
  x.ea,
  x.eb,
  x.projects,
  y.org_pairs,
  x.ec
FROM (
  SELECT
    ea,
    eb,
    COUNT(*) AS projects,
    COALESCE(SUM(p.ec_max_contribution), 0) AS ec
  FROM jp
  JOIN project AS p
    USING (project_key)
  GROUP BY
    1,
    2
) AS x
JOIN (
  SELECT
    ea,
    eb,
    COUNT(DISTINCT (LEAST(pa, pb), GREATEST(pa, pb))) AS org_pairs
  FROM pr
  GROUP BY
    1,
    2
) AS y
  USING (ea, eb)
