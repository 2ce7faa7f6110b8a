SELECT
  COUNT(*) - COUNT(
    DISTINCT (
      TRIM(ecosystem),
      TRIM(indicator),
      _bd,
      (
        CASE
          WHEN ISFINITE(
            TRY_CAST(CASE
              WHEN REGEXP_FULL_MATCH(TRIM(CAST("year" AS TEXT)), '[+-]?[0-9]+,[0-9]+')
              THEN REPLACE(TRIM(CAST("year" AS TEXT)), ',', '.')
              WHEN REGEXP_FULL_MATCH(TRIM(CAST("year" AS TEXT)), '[+-]?[0-9]{1,3}([.][0-9]{3})+(,[0-9]+)?')
              AND (
                CONTAINS(TRIM(CAST("year" AS TEXT)), ',')
                OR LENGTH(TRIM(CAST("year" AS TEXT))) - LENGTH(REPLACE(TRIM(CAST("year" AS TEXT)), '.', '')) > 1
              )
              THEN REPLACE(REPLACE(TRIM(CAST("year" AS TEXT)), '.', ''), ',', '.')
              WHEN REGEXP_FULL_MATCH(TRIM(CAST("year" AS TEXT)), '[+-]?[0-9]{1,3}(,[0-9]{3})+([.][0-9]+)?')
              THEN REPLACE(TRIM(CAST("year" AS TEXT)), ',', '')
              ELSE TRIM(CAST("year" AS TEXT))
            END AS DOUBLE)
          )
          THEN TRY_CAST(CASE
            WHEN REGEXP_FULL_MATCH(TRIM(CAST("year" AS TEXT)), '[+-]?[0-9]+,[0-9]+')
            THEN REPLACE(TRIM(CAST("year" AS TEXT)), ',', '.')
            WHEN REGEXP_FULL_MATCH(TRIM(CAST("year" AS TEXT)), '[+-]?[0-9]{1,3}([.][0-9]{3})+(,[0-9]+)?')
            AND (
              CONTAINS(TRIM(CAST("year" AS TEXT)), ',')
              OR LENGTH(TRIM(CAST("year" AS TEXT))) - LENGTH(REPLACE(TRIM(CAST("year" AS TEXT)), '.', '')) > 1
            )
            THEN REPLACE(REPLACE(TRIM(CAST("year" AS TEXT)), '.', ''), ',', '.')
            WHEN REGEXP_FULL_MATCH(TRIM(CAST("year" AS TEXT)), '[+-]?[0-9]{1,3}(,[0-9]{3})+([.][0-9]+)?')
            THEN REPLACE(TRIM(CAST("year" AS TEXT)), ',', '')
            ELSE TRIM(CAST("year" AS TEXT))
          END AS DOUBLE)
        END
      )
    )
  )
FROM stg_values_k
