SELECT
  TRIM(indicator) AS indicator,
  _measure AS measure,
  _bd AS breakdown,
  (
    CASE
      WHEN ISFINITE(
        TRY_CAST(CASE
          WHEN REGEXP_FULL_MATCH(TRIM(CAST("target_value" AS TEXT)), '[+-]?[0-9]+,[0-9]+')
          THEN REPLACE(TRIM(CAST("target_value" AS TEXT)), ',', '.')
          WHEN REGEXP_FULL_MATCH(TRIM(CAST("target_value" AS TEXT)), '[+-]?[0-9]{1,3}([.][0-9]{3})+(,[0-9]+)?')
          AND (
            CONTAINS(TRIM(CAST("target_value" AS TEXT)), ',')
            OR LENGTH(TRIM(CAST("target_value" AS TEXT))) - LENGTH(REPLACE(TRIM(CAST("target_value" AS TEXT)), '.', '')) > 1
          )
          THEN REPLACE(REPLACE(TRIM(CAST("target_value" AS TEXT)), '.', ''), ',', '.')
          WHEN REGEXP_FULL_MATCH(TRIM(CAST("target_value" AS TEXT)), '[+-]?[0-9]{1,3}(,[0-9]{3})+([.][0-9]+)?')
          THEN REPLACE(TRIM(CAST("target_value" AS TEXT)), ',', '')
          ELSE TRIM(CAST("target_value" AS TEXT))
        END AS DOUBLE)
      )
      THEN TRY_CAST(CASE
        WHEN REGEXP_FULL_MATCH(TRIM(CAST("target_value" AS TEXT)), '[+-]?[0-9]+,[0-9]+')
        THEN REPLACE(TRIM(CAST("target_value" AS TEXT)), ',', '.')
        WHEN REGEXP_FULL_MATCH(TRIM(CAST("target_value" AS TEXT)), '[+-]?[0-9]{1,3}([.][0-9]{3})+(,[0-9]+)?')
        AND (
          CONTAINS(TRIM(CAST("target_value" AS TEXT)), ',')
          OR LENGTH(TRIM(CAST("target_value" AS TEXT))) - LENGTH(REPLACE(TRIM(CAST("target_value" AS TEXT)), '.', '')) > 1
        )
        THEN REPLACE(REPLACE(TRIM(CAST("target_value" AS TEXT)), '.', ''), ',', '.')
        WHEN REGEXP_FULL_MATCH(TRIM(CAST("target_value" AS TEXT)), '[+-]?[0-9]{1,3}(,[0-9]{3})+([.][0-9]+)?')
        THEN REPLACE(TRIM(CAST("target_value" AS TEXT)), ',', '')
        ELSE TRIM(CAST("target_value" AS TEXT))
      END AS DOUBLE)
    END
  ) AS target_value
FROM stg_targets_k
