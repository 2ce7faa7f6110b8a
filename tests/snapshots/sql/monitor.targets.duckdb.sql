SELECT
  *
FROM target
WHERE
  ecosystem_id = ? AND superseded_at IS NULL
