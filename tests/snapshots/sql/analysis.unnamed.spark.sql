SELECT
  COUNT(*)
FROM organisation
WHERE
  country = 'NL' AND participations > 0 AND name IS NULL
