SELECT
  COUNT(*)
FROM ror_record
WHERE
  ror_id = ?
