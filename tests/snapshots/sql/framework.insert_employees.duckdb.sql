INSERT INTO venture_employees
SELECT
  TRIM(actor_id),
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
  ) AS INT),
  (
    CASE
      WHEN ISFINITE(
        TRY_CAST(CASE
          WHEN REGEXP_FULL_MATCH(TRIM(CAST("employees" AS TEXT)), '[+-]?[0-9]+,[0-9]+')
          THEN REPLACE(TRIM(CAST("employees" AS TEXT)), ',', '.')
          WHEN REGEXP_FULL_MATCH(TRIM(CAST("employees" AS TEXT)), '[+-]?[0-9]{1,3}([.][0-9]{3})+(,[0-9]+)?')
          AND (
            CONTAINS(TRIM(CAST("employees" AS TEXT)), ',')
            OR LENGTH(TRIM(CAST("employees" AS TEXT))) - LENGTH(REPLACE(TRIM(CAST("employees" AS TEXT)), '.', '')) > 1
          )
          THEN REPLACE(REPLACE(TRIM(CAST("employees" AS TEXT)), '.', ''), ',', '.')
          WHEN REGEXP_FULL_MATCH(TRIM(CAST("employees" AS TEXT)), '[+-]?[0-9]{1,3}(,[0-9]{3})+([.][0-9]+)?')
          THEN REPLACE(TRIM(CAST("employees" AS TEXT)), ',', '')
          ELSE TRIM(CAST("employees" AS TEXT))
        END AS DOUBLE)
      )
      THEN TRY_CAST(CASE
        WHEN REGEXP_FULL_MATCH(TRIM(CAST("employees" AS TEXT)), '[+-]?[0-9]+,[0-9]+')
        THEN REPLACE(TRIM(CAST("employees" AS TEXT)), ',', '.')
        WHEN REGEXP_FULL_MATCH(TRIM(CAST("employees" AS TEXT)), '[+-]?[0-9]{1,3}([.][0-9]{3})+(,[0-9]+)?')
        AND (
          CONTAINS(TRIM(CAST("employees" AS TEXT)), ',')
          OR LENGTH(TRIM(CAST("employees" AS TEXT))) - LENGTH(REPLACE(TRIM(CAST("employees" AS TEXT)), '.', '')) > 1
        )
        THEN REPLACE(REPLACE(TRIM(CAST("employees" AS TEXT)), '.', ''), ',', '.')
        WHEN REGEXP_FULL_MATCH(TRIM(CAST("employees" AS TEXT)), '[+-]?[0-9]{1,3}(,[0-9]{3})+([.][0-9]+)?')
        THEN REPLACE(TRIM(CAST("employees" AS TEXT)), ',', '')
        ELSE TRIM(CAST("employees" AS TEXT))
      END AS DOUBLE)
    END
  ),
  LOWER(TRIM(COALESCE("confidential", 'no'))) IN ('yes', 'y', 'true', '1', 'ja', 'j'),
  ?,
  _row + 1
FROM stg_st_emp
