SELECT
  COUNT(*)
FROM ror_record
