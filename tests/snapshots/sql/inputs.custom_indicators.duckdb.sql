SELECT
  *
FROM custom_indicator
ORDER BY
  key
