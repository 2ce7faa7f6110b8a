CREATE OR REPLACE TEMPORARY TABLE stg_targets_k AS
SELECT
  *,
  COALESCE(
    NULLIF(TRIM(measure), ''),
    CASE
      WHEN TRIM(indicator) = '29'
      THEN 'organisations'
      WHEN TRIM(indicator) = '18'
      THEN 'collaboration_relations'
      ELSE 'value'
    END
  ) AS _measure,
  COALESCE(TRIM(breakdown), '') AS _bd
FROM stg_targets
