INSERT INTO registry_identifier
SELECT DISTINCT
  'ror:' || ror_id,
  'ror',
  ror_id,
  NULL,
  'ror'
FROM ror_record
UNION ALL
SELECT DISTINCT
  'ror:' || ror_id,
  scheme,
  value,
  NULL,
  'ror'
FROM ror_external_id
