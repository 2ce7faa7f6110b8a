INSERT INTO snapshot
VALUES
  (NEXTVAL('snapshot_seq'), ?, ?, CAST(NOW() AS TIMESTAMP), ?, CAST(? AS JSON))
RETURNING snapshot_id
