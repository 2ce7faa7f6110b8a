SELECT
  value
FROM meta
WHERE
  key = 'diagnosis_disclosure'
