INSERT INTO financing_event
SELECT
  TRIM(actor_id),
  NULLIF(TRIM(round), ''),
  CAST(LEFT(TRIM(date), 10) AS DATE),
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
  NULLIF(UPPER(TRIM(currency)), ''),
  NULLIF(TRIM(investors), ''),
  LOWER(TRIM(instrument)),
  LOWER(TRIM(COALESCE("confidential", 'no'))) IN ('yes', 'y', 'true', '1', 'ja', 'j'),
  NULLIF(TRIM(source), ''),
  ?,
  _row + 1
FROM stg_fin
