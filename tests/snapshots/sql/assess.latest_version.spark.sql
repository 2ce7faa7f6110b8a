SELECT
  version,
  input_sha,
  kind
FROM assessment
WHERE
  name = ?
ORDER BY
  version DESC
LIMIT 1
