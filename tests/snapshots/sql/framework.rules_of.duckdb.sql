SELECT
  rule_type,
  formal,
  title,
  text,
  entry_date,
  source,
  evidence,
  challenges,
  effect,
  status,
  author
FROM rule_entry
WHERE
  ecosystem_id = ?
ORDER BY
  formal DESC,
  entry_date DESC,
  title
