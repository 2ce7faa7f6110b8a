SELECT
  indicator,
  COUNT(*)
FROM indicator_input
WHERE
  superseded_at IS NULL
GROUP BY
  1
