SELECT
  (
    SELECT
      COUNT(*)
    FROM facility
    WHERE
      ARRAY_CONTAINS(ecosystems, ?)
  ) + (
    SELECT
      COUNT(*)
    FROM venture
    WHERE
      ARRAY_CONTAINS(ecosystems, ?)
  ) + (
    SELECT
      COUNT(*)
    FROM rule_entry
    WHERE
      ecosystem_id = ?
  )
