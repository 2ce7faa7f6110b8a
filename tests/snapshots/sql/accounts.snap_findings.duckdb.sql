INSERT INTO snapshot_finding
SELECT
  ?,
  kind,
  code,
  verdict
FROM finding
WHERE
  ecosystem_id = ?
