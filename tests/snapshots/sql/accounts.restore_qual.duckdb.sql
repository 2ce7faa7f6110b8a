INSERT INTO qualitative_entry
SELECT
  NEXTVAL('input_seq'),
  ecosystem_id,
  indicator,
  text,
  entry_date,
  author,
  evidence,
  ?,
  source_row,
  NULL,
  NULL
FROM qualitative_entry
WHERE
  entry_id = ?
RETURNING entry_id
