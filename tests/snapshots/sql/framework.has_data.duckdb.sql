SELECT
  (
    SELECT
      COUNT(*)
    FROM facility
    WHERE
      ecosystems && CAST(? AS TEXT[])
  ) + (
    SELECT
      COUNT(*)
    FROM venture
    WHERE
      ecosystems && CAST(? AS TEXT[])
  ) + (
    SELECT
      COUNT(*)
    FROM rule_entry
    WHERE
      ecosystem_id = ?
  )
