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
), per AS (
  SELECT
    e.ecosystem_id,
    wa.org_key,
    COUNT(DISTINCT wa.work_id) AS works,
    SUM(wa.frac) AS frac,
    ANY_VALUE(wa.name) AS name,
    ANY_VALUE(wa.inst_type) AS inst_type,
    ANY_VALUE(wa.sector) AS sector,
    ANY_VALUE(wa.country) AS country
  FROM eco_works AS e
  JOIN wa
    ON wa.work_id = e.work_id
  GROUP BY
    1,
    2
)
SELECT
  p.ecosystem_id,
  p.org_key,
  COALESCE(r.name, p.name, p.org_key) AS label,
  p.inst_type,
  p.sector,
  p.country,
  NOT k.org_key IS NULL AS member,
  CAST(p.works AS INT) AS works,
  p.frac AS works_fractional
FROM per AS p
LEFT JOIN member_keys AS k
  ON k.ecosystem_id = p.ecosystem_id AND k.org_key = p.org_key
LEFT JOIN registry_org AS r
  ON r.org_key = p.org_key
ORDER BY
  p.ecosystem_id,
  p.org_key
