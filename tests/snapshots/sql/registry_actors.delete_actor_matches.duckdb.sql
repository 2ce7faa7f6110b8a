DELETE FROM org_match
WHERE
  left_scheme = 'actor'
