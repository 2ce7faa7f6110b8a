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
), keys AS (
  SELECT
    org_key
  FROM org_pics
  WHERE
    pic = ?
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
), mine AS (
  SELECT
    a.work_id,
    SUM(1.0 / (
      na.n_auth * ni.n_inst
    )) AS frac
  FROM aff AS a
  JOIN keys AS k
    ON k.org_key = a.org_key
  JOIN na
    ON na.work_id = a.work_id
  JOIN ni
    ON ni.work_id = a.work_id AND ni.author_seq = a.author_seq
  GROUP BY
    1
)
SELECT
  w.publication_year AS year,
  COUNT(*) AS works,
  SUM(m.frac) AS works_fractional,
  COUNT(*) FILTER(WHERE
    w.is_oa) AS open_access
FROM mine AS m
JOIN openalex_work AS w
  ON w.work_id = m.work_id
GROUP BY
  1
ORDER BY
  1
