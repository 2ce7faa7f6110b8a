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
), mine AS (
  SELECT DISTINCT
    a.work_id
  FROM aff AS a
  JOIN keys AS k
    ON k.org_key = a.org_key
)
SELECT
  a.org_key,
  ANY_VALUE(COALESCE(r.name, a.name)) AS label,
  ANY_VALUE(a.inst_type) AS inst_type,
  ANY_VALUE(a.country) AS country,
  COUNT(DISTINCT a.work_id) AS joint_works
FROM aff AS a
JOIN mine AS m
  ON m.work_id = a.work_id
LEFT JOIN registry_org AS r
  ON r.org_key = a.org_key
WHERE
  NOT a.org_key IN (
    SELECT
      org_key
    FROM keys
  )
GROUP BY
  1
ORDER BY
  joint_works DESC,
  label
LIMIT ?
