WITH s AS (
  SELECT DISTINCT
    ecosystem_id,
    project_key,
    pic
  FROM scope
  WHERE
    ARRAY_CONTAINS(ARRAY('delft', 'leiden', 'eindhoven'), ecosystem_id)
), pr AS (
  SELECT
    x.ecosystem_id AS home,
    x.pic,
    y.ecosystem_id AS other,
    x.project_key
  FROM s AS x
  JOIN s AS y
    ON x.project_key = y.project_key
    AND x.ecosystem_id <> y.ecosystem_id
    AND x.pic <> y.pic
), pairtot AS (
  SELECT
    LEAST(home, other) AS ea,
    GREATEST(home, other) AS eb,
    COUNT(DISTINCT project_key) AS n
  FROM pr
  GROUP BY
    1,
    2
), per AS (
  SELECT
    pr.pic,
    pr.home,
    pr.other,
    COUNT(DISTINCT pr.project_key) AS k,
    MAX(t.n) AS n
  FROM pr
  JOIN pairtot AS t
    ON t.ea = LEAST(pr.home, pr.other) AND t.eb = GREATEST(pr.home, pr.other)
  GROUP BY
    1,
    2,
    3
), best AS (
  SELECT
    pic,
    home,
    other,
    k,
    n
  FROM (
    SELECT
      pic,
      home,
      other,
      k,
      n,
      ROW_NUMBER() OVER (PARTITION BY pic, home ORDER BY CAST(k AS DOUBLE) / n DESC, other NULLS LAST) AS _w
    FROM per
  ) AS _t
  WHERE
    _w = 1
), agg AS (
  SELECT
    pr.pic,
    pr.home,
    COUNT(DISTINCT pr.other) AS cities_linked,
    COUNT(DISTINCT pr.project_key) AS joint_projects
  FROM pr
  GROUP BY
    1,
    2
)
SELECT
  agg.pic,
  o.label,
  o.activity_type,
  agg.home AS ecosystem_id,
  agg.cities_linked,
  agg.joint_projects,
  best.other AS carries_pair_with,
  best.k AS pair_projects,
  CAST(best.k AS DOUBLE) / best.n AS share_of_pair
FROM agg
JOIN best
  USING (pic, home)
JOIN organisation AS o
  ON o.pic = agg.pic
ORDER BY
  cities_linked DESC,
  joint_projects DESC,
  agg.pic NULLS LAST
LIMIT 15
