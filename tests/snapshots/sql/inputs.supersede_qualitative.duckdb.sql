UPDATE qualitative_entry SET superseded_at = CAST(NOW() AS TIMESTAMP), superseded_by = ?
WHERE
  superseded_at IS NULL
  AND (ecosystem_id, indicator, author, entry_date) IN (
    SELECT
      (
        TRIM(ecosystem),
        TRIM(indicator),
        TRIM(author),
        CAST(LEFT(TRIM(date), 10) AS DATE)
      )
    FROM stg_qual
  )
