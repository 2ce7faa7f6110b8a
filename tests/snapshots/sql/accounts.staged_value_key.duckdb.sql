SELECT
  TRIM(indicator) AS indicator,
  _bd AS breakdown,
  CAST((
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
  ) AS INT) AS year,
  (
    CASE
      WHEN ISFINITE(
        TRY_CAST(CASE
          WHEN REGEXP_FULL_MATCH(TRIM(CAST("value" AS TEXT)), '[+-]?[0-9]+,[0-9]+')
          THEN REPLACE(TRIM(CAST("value" AS TEXT)), ',', '.')
          WHEN REGEXP_FULL_MATCH(TRIM(CAST("value" AS TEXT)), '[+-]?[0-9]{1,3}([.][0-9]{3})+(,[0-9]+)?')
          AND (
            CONTAINS(TRIM(CAST("value" AS TEXT)), ',')
            OR LENGTH(TRIM(CAST("value" AS TEXT))) - LENGTH(REPLACE(TRIM(CAST("value" AS TEXT)), '.', '')) > 1
          )
          THEN REPLACE(REPLACE(TRIM(CAST("value" AS TEXT)), '.', ''), ',', '.')
          WHEN REGEXP_FULL_MATCH(TRIM(CAST("value" AS TEXT)), '[+-]?[0-9]{1,3}(,[0-9]{3})+([.][0-9]+)?')
          THEN REPLACE(TRIM(CAST("value" AS TEXT)), ',', '')
          ELSE TRIM(CAST("value" AS TEXT))
        END AS DOUBLE)
      )
      THEN TRY_CAST(CASE
        WHEN REGEXP_FULL_MATCH(TRIM(CAST("value" AS TEXT)), '[+-]?[0-9]+,[0-9]+')
        THEN REPLACE(TRIM(CAST("value" AS TEXT)), ',', '.')
        WHEN REGEXP_FULL_MATCH(TRIM(CAST("value" AS TEXT)), '[+-]?[0-9]{1,3}([.][0-9]{3})+(,[0-9]+)?')
        AND (
          CONTAINS(TRIM(CAST("value" AS TEXT)), ',')
          OR LENGTH(TRIM(CAST("value" AS TEXT))) - LENGTH(REPLACE(TRIM(CAST("value" AS TEXT)), '.', '')) > 1
        )
        THEN REPLACE(REPLACE(TRIM(CAST("value" AS TEXT)), '.', ''), ',', '.')
        WHEN REGEXP_FULL_MATCH(TRIM(CAST("value" AS TEXT)), '[+-]?[0-9]{1,3}(,[0-9]{3})+([.][0-9]+)?')
        THEN REPLACE(TRIM(CAST("value" AS TEXT)), ',', '')
        ELSE TRIM(CAST("value" AS TEXT))
      END AS DOUBLE)
    END
  ) AS value
FROM stg_values_k
