INSERT INTO registry_relation
SELECT DISTINCT
  'ror:' || ror_id,
  rel_type,
  'ror:' || related_id,
  label,
  'ror'
FROM ror_relationship
