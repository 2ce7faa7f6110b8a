SELECT DISTINCT
  ror_id
FROM ror_record
