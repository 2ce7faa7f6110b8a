INSERT INTO user_role
VALUES
  (?, ?, ?)
