INSERT INTO copub_edge
WITH aff AS (
  SELECT
    work_id,
    author_seq,
    COALESCE('ror:' || ror_id, 'openalex:' || institution_id) AS org_key,
    ANY_VALUE(name) AS name,
    ANY_VALUE(inst_type) AS inst_type,
    ANY_VALUE(
      CASE
        WHEN inst_type IN ('education', 'government', 'facility', 'healthcare', 'nonprofit', 'archive')
        THEN 'public'
        WHEN inst_type IN ('company')
        THEN 'private'
        ELSE 'other'
      END
    ) AS sector,
    ANY_VALUE(country) AS country,
    ANY_VALUE(ror_id) AS ror_id
  FROM openalex_affiliation
  GROUP BY
    1,
    2,
    3
), org_pics AS (
  SELECT DISTINCT
    org_key,
    CAST(value AS BIGINT) AS pic
  FROM registry_identifier
  WHERE
    scheme = 'pic' AND org_key LIKE 'ror:%'
), member_keys AS (
  SELECT DISTINCT
    m.ecosystem_id,
    p.org_key
  FROM ecosystem_member AS m
  JOIN org_pics AS p
    ON p.pic = m.pic
), na AS (
  SELECT
    work_id,
    COUNT(*) AS n_auth
  FROM openalex_authorship
  GROUP BY
    1
), ni AS (
  SELECT
    work_id,
    author_seq,
    COUNT(*) AS n_inst
  FROM aff
  GROUP BY
    1,
    2
), wa AS (
  SELECT
    a.*,
    1.0 / (
      na.n_auth * ni.n_inst
    ) AS frac
  FROM aff AS a
  JOIN na
    ON na.work_id = a.work_id
  JOIN ni
    ON ni.work_id = a.work_id AND ni.author_seq = a.author_seq
), eco_works AS (
  SELECT DISTINCT
    k.ecosystem_id,
    wa.work_id
  FROM wa
  JOIN member_keys AS k
    ON k.org_key = wa.org_key
), wo AS (
  SELECT DISTINCT
    e.ecosystem_id,
    e.work_id,
    wa.org_key,
    NOT k.org_key IS NULL AS member
  FROM eco_works AS e
  JOIN wa
    ON wa.work_id = e.work_id
  LEFT JOIN member_keys AS k
    ON k.ecosystem_id = e.ecosystem_id AND k.org_key = wa.org_key
), n AS (
  SELECT
    ecosystem_id,
    work_id,
    COUNT(*) AS n
  FROM wo
  GROUP BY
    1,
    2
  HAVING
    COUNT(*) >= 2
), pairs AS (
  SELECT
    a.ecosystem_id,
    a.org_key AS source,
    b.org_key AS target,
    COUNT(*) AS works,
    SUM(1.0 / (
      n.n - 1
    )) AS fractional
  FROM wo AS a
  JOIN wo AS b
    ON a.ecosystem_id = b.ecosystem_id
    AND a.work_id = b.work_id
    AND a.org_key < b.org_key
  JOIN n
    ON n.ecosystem_id = a.ecosystem_id AND n.work_id = a.work_id
  WHERE
    a.member OR b.member
  GROUP BY
    1,
    2,
    3
), s AS (
  SELECT
    ecosystem_id,
    k,
    SUM(works) AS s
  FROM (
    SELECT
      ecosystem_id,
      source AS k,
      works
    FROM pairs
    UNION ALL
    SELECT
      ecosystem_id,
      target,
      works
    FROM pairs
  )
  GROUP BY
    1,
    2
), tot AS (
  SELECT
    ecosystem_id,
    SUM(s) AS two_m
  FROM s
  GROUP BY
    1
)
SELECT
  p.ecosystem_id,
  p.source,
  p.target,
  CAST(p.works AS INT),
  p.fractional,
  p.works * t.two_m / (
    s1.s * s2.s
  )
FROM pairs AS p
JOIN s AS s1
  ON s1.ecosystem_id = p.ecosystem_id AND s1.k = p.source
JOIN s AS s2
  ON s2.ecosystem_id = p.ecosystem_id AND s2.k = p.target
JOIN tot AS t
  ON t.ecosystem_id = p.ecosystem_id
