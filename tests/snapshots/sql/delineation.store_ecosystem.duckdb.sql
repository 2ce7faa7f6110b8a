INSERT INTO ecosystem
VALUES
  (?, ?, ?, ?, ?, ?, ?, ?, CAST(NOW() AS TIMESTAMP))
