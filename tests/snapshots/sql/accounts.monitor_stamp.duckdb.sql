SELECT
  (
    SELECT
      MAX(snapshot_id)
    FROM snapshot
    WHERE
      ecosystem_id = ?
  ) AS snapshot,
  (
    SELECT
      MAX(set_at)
    FROM alert_threshold
    WHERE
      ecosystem_id = ?
  ) AS thresholds,
  (
    SELECT
      MAX(edit_id)
    FROM edit_log
  ) AS edit
