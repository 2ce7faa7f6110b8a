SELECT
  COUNT(DISTINCT pic)
FROM organisation_vat
