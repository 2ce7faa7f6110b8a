WITH wk AS (
  SELECT DISTINCT
    work_id,
    COALESCE('ror:' || ror_id, 'openalex:' || institution_id) AS org_key
  FROM openalex_affiliation
), org_pics AS (
  SELECT DISTINCT
    org_key,
    CAST(value AS BIGINT) AS pic
  FROM registry_identifier
  WHERE
    scheme = 'pic' AND org_key LIKE 'ror:%'
), ok AS (
  SELECT
    org_key,
    CAST(ROW_NUMBER() OVER (ORDER BY org_key NULLS LAST) AS INT) AS o
  FROM (
    SELECT DISTINCT
      org_key
    FROM wk
  )
), mk AS (
  SELECT DISTINCT
    m.ecosystem_id,
    ok.o
  FROM ecosystem_member AS m
  JOIN org_pics AS p
    ON p.pic = m.pic
  JOIN ok
    ON ok.org_key = p.org_key
), wi AS (
  SELECT
    wk.work_id,
    ok.o
  FROM wk
  JOIN ok
    ON ok.org_key = wk.org_key
), ew AS (
  SELECT DISTINCT
    mk.ecosystem_id,
    wi.work_id
  FROM wi
  JOIN mk
    ON mk.o = wi.o
), wn AS (
  SELECT
    ecosystem_id,
    work_id,
    ROW_NUMBER() OVER (ORDER BY ecosystem_id NULLS LAST, work_id NULLS LAST) AS w
  FROM ew
), wo AS (
  SELECT
    wn.ecosystem_id,
    wn.w,
    wi.o,
    NOT mk.o IS NULL AS member,
    COUNT(*) OVER (PARTITION BY wn.ecosystem_id, wn.w) AS n
  FROM wn
  JOIN wi
    ON wi.work_id = wn.work_id
  LEFT JOIN mk
    ON mk.ecosystem_id = wn.ecosystem_id AND mk.o = wi.o
), pairs AS (
  SELECT
    a.ecosystem_id,
    a.o AS s,
    b.o AS t,
    COUNT(*) AS works,
    SUM(1.0 / (
      a.n - 1
    )) AS fractional
  FROM wo AS a
  JOIN wo AS b
    ON a.ecosystem_id = b.ecosystem_id AND a.w = b.w AND a.o < b.o
  WHERE
    a.member OR b.member
  GROUP BY
    1,
    2,
    3
), st AS (
  SELECT
    ecosystem_id,
    k,
    SUM(works) AS s
  FROM (
    SELECT
      ecosystem_id,
      s AS k,
      works
    FROM pairs
    UNION ALL
    SELECT
      ecosystem_id,
      t,
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
  FROM st
  GROUP BY
    1
)
SELECT
  p.ecosystem_id,
  k1.org_key,
  k2.org_key,
  CAST(p.works AS INT),
  p.fractional,
  p.works * t.two_m / (
    s1.s * s2.s
  )
FROM pairs AS p
JOIN st AS s1
  ON s1.ecosystem_id = p.ecosystem_id AND s1.k = p.s
JOIN st AS s2
  ON s2.ecosystem_id = p.ecosystem_id AND s2.k = p.t
JOIN tot AS t
  ON t.ecosystem_id = p.ecosystem_id
JOIN ok AS k1
  ON k1.o = p.s
JOIN ok AS k2
  ON k2.o = p.t
