SELECT
  type,
  COUNT(*)
FROM (
  SELECT
    UNNEST(CAST(? AS TEXT[])) AS type
)
GROUP BY
  1
