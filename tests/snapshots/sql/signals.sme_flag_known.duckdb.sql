SELECT
  COUNT(*)
FROM organisation
WHERE
  activity_type = 'PRC' AND NOT sme IS NULL
