DELETE FROM stg_orgsfp7
WHERE
  "idOrganization" IS NULL OR TRIM("idOrganization") = ''
