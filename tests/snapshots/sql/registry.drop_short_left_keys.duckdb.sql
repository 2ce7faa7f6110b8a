DELETE FROM _rl
WHERE
  LENGTH(REPLACE(key, ' ', '')) < 3
