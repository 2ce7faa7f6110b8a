INSERT INTO assessment
VALUES
  (?, ?, ?, ?, ?, ?, ?, CAST(NOW() AS TIMESTAMP))
