DELETE FROM regional_statistic
WHERE
  batch_id IN (
    SELECT
      UNNEST(CAST(? AS INT[]))
  )
