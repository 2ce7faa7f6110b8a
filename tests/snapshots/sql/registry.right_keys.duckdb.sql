SELECT DISTINCT
  key
FROM _rr
WHERE
  country = ?
ORDER BY
  1
