SELECT DISTINCT
  ecosystem_id,
  pic
FROM _scope
