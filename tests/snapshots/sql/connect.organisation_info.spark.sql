SELECT
  pic,
  label,
  country
FROM organisation
WHERE
  ARRAY_CONTAINS(?, pic)
