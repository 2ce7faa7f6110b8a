SELECT
  indicator,
  text,
  entry_date,
  author,
  evidence
FROM qualitative_entry
WHERE
  ecosystem_id = ? AND superseded_at IS NULL
ORDER BY
  indicator,
  entry_date
