DELETE FROM indicator_value
WHERE
  indicator IN ('15', '16', '17')
