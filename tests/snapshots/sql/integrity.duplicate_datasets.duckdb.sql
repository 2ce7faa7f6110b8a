SELECT
  dataset,
  COUNT(*)
FROM import_batch
WHERE
  source <> 'user'
GROUP BY
  dataset
HAVING
  COUNT(*) > 1
ORDER BY
  dataset
LIMIT 5
