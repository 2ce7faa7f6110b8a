SELECT
  o._row,
  o.projectID
FROM stg_org AS o
ANTI JOIN stg_project AS p
  ON TRIM(p.id) = TRIM(o.projectID)
ORDER BY
  o._row
LIMIT 1
