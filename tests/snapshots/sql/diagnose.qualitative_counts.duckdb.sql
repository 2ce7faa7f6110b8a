SELECT
  indicator,
  COUNT(*)
FROM qualitative_entry
WHERE
  ecosystem_id = ? AND superseded_at IS NULL
GROUP BY
  1
