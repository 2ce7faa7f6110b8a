SELECT
  SUM(projects)
FROM network_edge
WHERE
  ecosystem_id = ?
  AND (
    (
      source IN (
        SELECT
          EXPLODE(CAST(? AS ARRAY<BIGINT>))
      )
      AND target IN (
        SELECT
          EXPLODE(CAST(? AS ARRAY<BIGINT>))
      )
    )
    OR (
      target IN (
        SELECT
          EXPLODE(CAST(? AS ARRAY<BIGINT>))
      )
      AND source IN (
        SELECT
          EXPLODE(CAST(? AS ARRAY<BIGINT>))
      )
    )
  )
