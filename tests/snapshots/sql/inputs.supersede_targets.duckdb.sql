UPDATE target SET superseded_at = CAST(NOW() AS TIMESTAMP), superseded_by = ?
WHERE
  superseded_at IS NULL
  AND (ecosystem_id, indicator, measure, breakdown) IN (
    SELECT
      (TRIM(ecosystem), TRIM(indicator), _measure, _bd)
    FROM stg_targets_k
  )
