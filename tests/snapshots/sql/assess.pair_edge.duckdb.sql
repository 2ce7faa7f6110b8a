SELECT
  SUM(projects)
FROM network_edge
WHERE
  ecosystem_id = ?
  AND (
    (
      source IN (
        SELECT
          UNNEST(CAST(? AS BIGINT[]))
      )
      AND target IN (
        SELECT
          UNNEST(CAST(? AS BIGINT[]))
      )
    )
    OR (
      target IN (
        SELECT
          UNNEST(CAST(? AS BIGINT[]))
      )
      AND source IN (
        SELECT
          UNNEST(CAST(? AS BIGINT[]))
      )
    )
  )
