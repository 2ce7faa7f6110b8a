SELECT
  a.openalex_id,
  CASE
    WHEN NOT a.ror_id IS NULL
    THEN 'ror:' || a.ror_id
    ELSE 'openalex:' || a.openalex_id
  END AS org_key,
  g.basis,
  g.participations
FROM openalex_institution AS a
JOIN registry_org AS g
  ON g.org_key = CASE
    WHEN NOT a.ror_id IS NULL
    THEN 'ror:' || a.ror_id
    ELSE 'openalex:' || a.openalex_id
  END
WHERE
  ARRAY_CONTAINS(CAST(? AS ARRAY<STRING>), a.openalex_id)
