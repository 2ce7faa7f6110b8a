SELECT
  *
FROM target
WHERE
  ecosystem_id = ?
  AND superseded_at IS NULL
  AND (
    breakdown = '' OR (
      indicator = '18' AND breakdown = 'internal'
    )
  )
