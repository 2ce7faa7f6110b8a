SELECT
  pic
FROM organisation
