SELECT
  _row
FROM stg_orgs2017
WHERE
  "orgId" IS NULL OR TRIM("orgId") = ''
ORDER BY
  1
