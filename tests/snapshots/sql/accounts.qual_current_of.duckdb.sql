SELECT
  entry_id,
  indicator,
  text,
  entry_date,
  author,
  evidence
FROM qualitative_entry
WHERE
  superseded_at IS NULL AND ecosystem_id = ?
ORDER BY
  indicator,
  entry_date DESC,
  entry_id
