DELETE FROM meta
WHERE
  key = 'coverage'
