SELECT
  COUNT(*)
FROM registry_org
WHERE
  country = 'NL' AND participations > 0
