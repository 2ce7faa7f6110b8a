INSERT INTO batch_file
VALUES
  (?, 'organisations', ?)
