SELECT
  *
FROM assessment
WHERE
  name = ? AND (
    ? IS NULL OR version = ?
  )
ORDER BY
  version DESC
LIMIT 1
