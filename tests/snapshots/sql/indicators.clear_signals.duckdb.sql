DELETE FROM indicator_value
WHERE
  indicator = 'signal'
