DELETE FROM org_match
WHERE
  left_scheme = 'pic' AND right_scheme = 'vat'
