SELECT
  MAX(input_id)
FROM indicator_input
WHERE
  batch_id = ?
