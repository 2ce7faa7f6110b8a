UPDATE indicator_input SET superseded_at = CAST(NOW() AS TIMESTAMP), superseded_by = ?
WHERE
  superseded_at IS NULL
  AND (ecosystem_id, indicator, breakdown, year) IN (
    SELECT
      (TRIM(ecosystem), TRIM(indicator), _bd, CAST(CAST(year AS DOUBLE) AS INT))
    FROM stg_values_k
  )
