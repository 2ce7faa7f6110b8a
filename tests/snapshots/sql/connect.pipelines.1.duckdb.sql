WITH e AS (
  SELECT DISTINCT
    ecosystem_id,
    project_key
  FROM scope
  WHERE
    ARRAY_CONTAINS(?, ecosystem_id)
    AND (
      ? IS NULL OR start_year >= ?
    )
    AND (
      ? IS NULL OR start_year <= ?
    )
), f AS MATERIALIZED (
  SELECT
    e.ecosystem_id,
    e.project_key,
    q.pic,
    q.country
  FROM e
  JOIN participation AS q
    USING (project_key)
  ANTI JOIN ecosystem_member AS m
    ON m.ecosystem_id = e.ecosystem_id AND m.pic = q.pic
  WHERE
    q.country <> 'NL'
), c AS (
  SELECT
    ecosystem_id,
    country,
    COUNT(DISTINCT pic) AS orgs,
    COUNT(DISTINCT project_key) AS projects
  FROM f
  GROUP BY
    1,
    2
  QUALIFY
    ROW_NUMBER() OVER (PARTITION BY ecosystem_id ORDER BY projects DESC, orgs DESC, country) <= 5
), o AS (
  SELECT
    ecosystem_id,
    pic,
    COUNT(DISTINCT project_key) AS projects
  FROM f
  GROUP BY
    1,
    2
  QUALIFY
    ROW_NUMBER() OVER (PARTITION BY ecosystem_id ORDER BY projects DESC, pic) <= 5
)
SELECT
  'country',
  ecosystem_id,
  CAST(NULL AS BIGINT),
  country,
  orgs,
  projects
FROM c
UNION ALL
SELECT
  'org',
  ecosystem_id,
  pic,
  NULL,
  NULL,
  projects
FROM o
