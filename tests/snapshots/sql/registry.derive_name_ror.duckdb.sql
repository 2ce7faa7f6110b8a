INSERT INTO registry_name
SELECT DISTINCT
  'ror:' || ror_id,
  name,
  kind,
  lang,
  'ror'
FROM ror_name
