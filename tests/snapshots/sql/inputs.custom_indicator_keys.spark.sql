SELECT
  key
FROM custom_indicator
