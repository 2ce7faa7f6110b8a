INSERT INTO match_decision
VALUES
  (?, ?, ?, ?, ?, ?, ?, CAST(NOW() AS TIMESTAMP), ?, ?)
