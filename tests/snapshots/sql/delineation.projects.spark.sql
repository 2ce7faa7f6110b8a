SELECT DISTINCT
  ecosystem_id,
  project_key
FROM _scope
