INSERT OR REPLACE INTO alert_threshold
VALUES
  (?, ?, ?, ?, ?, CAST(NOW() AS TIMESTAMP))
