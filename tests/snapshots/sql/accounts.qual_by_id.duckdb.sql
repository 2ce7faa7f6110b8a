SELECT
  entry_id,
  ecosystem_id,
  indicator,
  text,
  entry_date,
  author,
  evidence,
  superseded_at
FROM qualitative_entry
WHERE
  entry_id = ?
