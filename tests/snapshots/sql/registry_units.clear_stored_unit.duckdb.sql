DELETE FROM meta
WHERE
  key = 'analysis_unit'
