SELECT
  indicator,
  COUNT(*)
FROM qualitative_entry
WHERE
  superseded_at IS NULL
GROUP BY
  1
