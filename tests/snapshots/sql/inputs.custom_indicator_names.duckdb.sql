SELECT
  name_en,
  name_nl
FROM custom_indicator
WHERE
  key = ?
