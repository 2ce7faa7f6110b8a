SELECT
  org_key,
  name,
  org_type,
  country
FROM registry_org
WHERE
  org_key IN (
    SELECT
      EXPLODE(CAST(? AS ARRAY<STRING>))
  )
