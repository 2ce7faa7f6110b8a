SELECT DISTINCT
  key
FROM _rl
WHERE
  country = ?
ORDER BY
  1
