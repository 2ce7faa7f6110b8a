SELECT
  org_key,
  label,
  inst_type,
  sector,
  country,
  member,
  works,
  works_fractional,
  degree,
  strength,
  community
FROM copub_node
WHERE
  ecosystem_id = ?
ORDER BY
  works DESC,
  org_key NULLS LAST
