SELECT DISTINCT
  e
FROM (
  SELECT
    EXPLODE(ecosystems) AS e
  FROM facility
  UNION ALL
  SELECT
    EXPLODE(ecosystems)
  FROM venture
  UNION ALL
  SELECT
    ecosystem_id
  FROM rule_entry
)
ORDER BY
  1 NULLS LAST
