SELECT
  indicator_pct,
  verdicts,
  targets,
  set_by,
  set_at
FROM alert_threshold
WHERE
  ecosystem_id = ?
