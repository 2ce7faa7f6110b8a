DELETE FROM _rr
WHERE
  LENGTH(REPLACE(key, ' ', '')) < 3
