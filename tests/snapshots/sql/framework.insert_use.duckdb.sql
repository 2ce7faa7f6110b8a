INSERT INTO facility_use
SELECT
  TRIM(facility_id),
  TRIM("user"),
  NULLIF(LOWER(TRIM(user_type)), ''),
  (
    CASE
      WHEN ISFINITE(
        TRY_CAST(CASE
          WHEN REGEXP_FULL_MATCH(TRIM(CAST("amount" AS TEXT)), '[+-]?[0-9]+,[0-9]+')
          THEN REPLACE(TRIM(CAST("amount" AS TEXT)), ',', '.')
          WHEN REGEXP_FULL_MATCH(TRIM(CAST("amount" AS TEXT)), '[+-]?[0-9]{1,3}([.][0-9]{3})+(,[0-9]+)?')
          AND (
            CONTAINS(TRIM(CAST("amount" AS TEXT)), ',')
            OR LENGTH(TRIM(CAST("amount" AS TEXT))) - LENGTH(REPLACE(TRIM(CAST("amount" AS TEXT)), '.', '')) > 1
          )
          THEN REPLACE(REPLACE(TRIM(CAST("amount" AS TEXT)), '.', ''), ',', '.')
          WHEN REGEXP_FULL_MATCH(TRIM(CAST("amount" AS TEXT)), '[+-]?[0-9]{1,3}(,[0-9]{3})+([.][0-9]+)?')
          THEN REPLACE(TRIM(CAST("amount" AS TEXT)), ',', '')
          ELSE TRIM(CAST("amount" AS TEXT))
        END AS DOUBLE)
      )
      THEN TRY_CAST(CASE
        WHEN REGEXP_FULL_MATCH(TRIM(CAST("amount" AS TEXT)), '[+-]?[0-9]+,[0-9]+')
        THEN REPLACE(TRIM(CAST("amount" AS TEXT)), ',', '.')
        WHEN REGEXP_FULL_MATCH(TRIM(CAST("amount" AS TEXT)), '[+-]?[0-9]{1,3}([.][0-9]{3})+(,[0-9]+)?')
        AND (
          CONTAINS(TRIM(CAST("amount" AS TEXT)), ',')
          OR LENGTH(TRIM(CAST("amount" AS TEXT))) - LENGTH(REPLACE(TRIM(CAST("amount" AS TEXT)), '.', '')) > 1
        )
        THEN REPLACE(REPLACE(TRIM(CAST("amount" AS TEXT)), '.', ''), ',', '.')
        WHEN REGEXP_FULL_MATCH(TRIM(CAST("amount" AS TEXT)), '[+-]?[0-9]{1,3}(,[0-9]{3})+([.][0-9]+)?')
        THEN REPLACE(TRIM(CAST("amount" AS TEXT)), ',', '')
        ELSE TRIM(CAST("amount" AS TEXT))
      END AS DOUBLE)
    END
  ),
  NULLIF(TRIM(amount_unit), ''),
  CAST((
    CASE
      WHEN ISFINITE(
        TRY_CAST(CASE
          WHEN REGEXP_FULL_MATCH(TRIM(CAST("since_year" AS TEXT)), '[+-]?[0-9]+,[0-9]+')
          THEN REPLACE(TRIM(CAST("since_year" AS TEXT)), ',', '.')
          WHEN REGEXP_FULL_MATCH(TRIM(CAST("since_year" AS TEXT)), '[+-]?[0-9]{1,3}([.][0-9]{3})+(,[0-9]+)?')
          AND (
            CONTAINS(TRIM(CAST("since_year" AS TEXT)), ',')
            OR LENGTH(TRIM(CAST("since_year" AS TEXT))) - LENGTH(REPLACE(TRIM(CAST("since_year" AS TEXT)), '.', '')) > 1
          )
          THEN REPLACE(REPLACE(TRIM(CAST("since_year" AS TEXT)), '.', ''), ',', '.')
          WHEN REGEXP_FULL_MATCH(TRIM(CAST("since_year" AS TEXT)), '[+-]?[0-9]{1,3}(,[0-9]{3})+([.][0-9]+)?')
          THEN REPLACE(TRIM(CAST("since_year" AS TEXT)), ',', '')
          ELSE TRIM(CAST("since_year" AS TEXT))
        END AS DOUBLE)
      )
      THEN TRY_CAST(CASE
        WHEN REGEXP_FULL_MATCH(TRIM(CAST("since_year" AS TEXT)), '[+-]?[0-9]+,[0-9]+')
        THEN REPLACE(TRIM(CAST("since_year" AS TEXT)), ',', '.')
        WHEN REGEXP_FULL_MATCH(TRIM(CAST("since_year" AS TEXT)), '[+-]?[0-9]{1,3}([.][0-9]{3})+(,[0-9]+)?')
        AND (
          CONTAINS(TRIM(CAST("since_year" AS TEXT)), ',')
          OR LENGTH(TRIM(CAST("since_year" AS TEXT))) - LENGTH(REPLACE(TRIM(CAST("since_year" AS TEXT)), '.', '')) > 1
        )
        THEN REPLACE(REPLACE(TRIM(CAST("since_year" AS TEXT)), '.', ''), ',', '.')
        WHEN REGEXP_FULL_MATCH(TRIM(CAST("since_year" AS TEXT)), '[+-]?[0-9]{1,3}(,[0-9]{3})+([.][0-9]+)?')
        THEN REPLACE(TRIM(CAST("since_year" AS TEXT)), ',', '')
        ELSE TRIM(CAST("since_year" AS TEXT))
      END AS DOUBLE)
    END
  ) AS INT),
  CAST((
    CASE
      WHEN ISFINITE(
        TRY_CAST(CASE
          WHEN REGEXP_FULL_MATCH(TRIM(CAST("until_year" AS TEXT)), '[+-]?[0-9]+,[0-9]+')
          THEN REPLACE(TRIM(CAST("until_year" AS TEXT)), ',', '.')
          WHEN REGEXP_FULL_MATCH(TRIM(CAST("until_year" AS TEXT)), '[+-]?[0-9]{1,3}([.][0-9]{3})+(,[0-9]+)?')
          AND (
            CONTAINS(TRIM(CAST("until_year" AS TEXT)), ',')
            OR LENGTH(TRIM(CAST("until_year" AS TEXT))) - LENGTH(REPLACE(TRIM(CAST("until_year" AS TEXT)), '.', '')) > 1
          )
          THEN REPLACE(REPLACE(TRIM(CAST("until_year" AS TEXT)), '.', ''), ',', '.')
          WHEN REGEXP_FULL_MATCH(TRIM(CAST("until_year" AS TEXT)), '[+-]?[0-9]{1,3}(,[0-9]{3})+([.][0-9]+)?')
          THEN REPLACE(TRIM(CAST("until_year" AS TEXT)), ',', '')
          ELSE TRIM(CAST("until_year" AS TEXT))
        END AS DOUBLE)
      )
      THEN TRY_CAST(CASE
        WHEN REGEXP_FULL_MATCH(TRIM(CAST("until_year" AS TEXT)), '[+-]?[0-9]+,[0-9]+')
        THEN REPLACE(TRIM(CAST("until_year" AS TEXT)), ',', '.')
        WHEN REGEXP_FULL_MATCH(TRIM(CAST("until_year" AS TEXT)), '[+-]?[0-9]{1,3}([.][0-9]{3})+(,[0-9]+)?')
        AND (
          CONTAINS(TRIM(CAST("until_year" AS TEXT)), ',')
          OR LENGTH(TRIM(CAST("until_year" AS TEXT))) - LENGTH(REPLACE(TRIM(CAST("until_year" AS TEXT)), '.', '')) > 1
        )
        THEN REPLACE(REPLACE(TRIM(CAST("until_year" AS TEXT)), '.', ''), ',', '.')
        WHEN REGEXP_FULL_MATCH(TRIM(CAST("until_year" AS TEXT)), '[+-]?[0-9]{1,3}(,[0-9]{3})+([.][0-9]+)?')
        THEN REPLACE(TRIM(CAST("until_year" AS TEXT)), ',', '')
        ELSE TRIM(CAST("until_year" AS TEXT))
      END AS DOUBLE)
    END
  ) AS INT),
  NULLIF(TRIM(note), ''),
  ?,
  _row + 1
FROM stg_fac_use
