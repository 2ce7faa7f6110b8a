SELECT
  COUNT(*)
FROM organisation
WHERE
  NOT sme IS NULL
