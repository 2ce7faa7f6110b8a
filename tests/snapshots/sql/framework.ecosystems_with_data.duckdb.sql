SELECT DISTINCT
  e
FROM (
  SELECT
    UNNEST(ecosystems) AS e
  FROM facility
  UNION ALL
  SELECT
    UNNEST(ecosystems)
  FROM venture
  UNION ALL
  SELECT
    ecosystem_id
  FROM rule_entry
)
ORDER BY
  1
