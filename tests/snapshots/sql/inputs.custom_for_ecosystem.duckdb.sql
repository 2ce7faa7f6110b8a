SELECT
  *
FROM custom_indicator
WHERE
  ecosystem_id IS NULL OR ecosystem_id = ?
ORDER BY
  key
