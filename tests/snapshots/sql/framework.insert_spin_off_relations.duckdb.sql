INSERT INTO user_relation
SELECT
  TRIM(parent),
  TRIM(actor_id),
  'spin_off',
  CAST(COALESCE(
    (
      CASE
        WHEN ISFINITE(
          TRY_CAST(CASE
            WHEN REGEXP_FULL_MATCH(TRIM(CAST("spin_off_year" AS TEXT)), '[+-]?[0-9]+,[0-9]+')
            THEN REPLACE(TRIM(CAST("spin_off_year" AS TEXT)), ',', '.')
            WHEN REGEXP_FULL_MATCH(TRIM(CAST("spin_off_year" AS TEXT)), '[+-]?[0-9]{1,3}([.][0-9]{3})+(,[0-9]+)?')
            AND (
              CONTAINS(TRIM(CAST("spin_off_year" AS TEXT)), ',')
              OR LENGTH(TRIM(CAST("spin_off_year" AS TEXT))) - LENGTH(REPLACE(TRIM(CAST("spin_off_year" AS TEXT)), '.', '')) > 1
            )
            THEN REPLACE(REPLACE(TRIM(CAST("spin_off_year" AS TEXT)), '.', ''), ',', '.')
            WHEN REGEXP_FULL_MATCH(TRIM(CAST("spin_off_year" AS TEXT)), '[+-]?[0-9]{1,3}(,[0-9]{3})+([.][0-9]+)?')
            THEN REPLACE(TRIM(CAST("spin_off_year" AS TEXT)), ',', '')
            ELSE TRIM(CAST("spin_off_year" AS TEXT))
          END AS DOUBLE)
        )
        THEN TRY_CAST(CASE
          WHEN REGEXP_FULL_MATCH(TRIM(CAST("spin_off_year" AS TEXT)), '[+-]?[0-9]+,[0-9]+')
          THEN REPLACE(TRIM(CAST("spin_off_year" AS TEXT)), ',', '.')
          WHEN REGEXP_FULL_MATCH(TRIM(CAST("spin_off_year" AS TEXT)), '[+-]?[0-9]{1,3}([.][0-9]{3})+(,[0-9]+)?')
          AND (
            CONTAINS(TRIM(CAST("spin_off_year" AS TEXT)), ',')
            OR LENGTH(TRIM(CAST("spin_off_year" AS TEXT))) - LENGTH(REPLACE(TRIM(CAST("spin_off_year" AS TEXT)), '.', '')) > 1
          )
          THEN REPLACE(REPLACE(TRIM(CAST("spin_off_year" AS TEXT)), '.', ''), ',', '.')
          WHEN REGEXP_FULL_MATCH(TRIM(CAST("spin_off_year" AS TEXT)), '[+-]?[0-9]{1,3}(,[0-9]{3})+([.][0-9]+)?')
          THEN REPLACE(TRIM(CAST("spin_off_year" AS TEXT)), ',', '')
          ELSE TRIM(CAST("spin_off_year" AS TEXT))
        END AS DOUBLE)
      END
    ),
    (
      CASE
        WHEN ISFINITE(
          TRY_CAST(CASE
            WHEN REGEXP_FULL_MATCH(TRIM(CAST("founding_year" AS TEXT)), '[+-]?[0-9]+,[0-9]+')
            THEN REPLACE(TRIM(CAST("founding_year" AS TEXT)), ',', '.')
            WHEN REGEXP_FULL_MATCH(TRIM(CAST("founding_year" AS TEXT)), '[+-]?[0-9]{1,3}([.][0-9]{3})+(,[0-9]+)?')
            AND (
              CONTAINS(TRIM(CAST("founding_year" AS TEXT)), ',')
              OR LENGTH(TRIM(CAST("founding_year" AS TEXT))) - LENGTH(REPLACE(TRIM(CAST("founding_year" AS TEXT)), '.', '')) > 1
            )
            THEN REPLACE(REPLACE(TRIM(CAST("founding_year" AS TEXT)), '.', ''), ',', '.')
            WHEN REGEXP_FULL_MATCH(TRIM(CAST("founding_year" AS TEXT)), '[+-]?[0-9]{1,3}(,[0-9]{3})+([.][0-9]+)?')
            THEN REPLACE(TRIM(CAST("founding_year" AS TEXT)), ',', '')
            ELSE TRIM(CAST("founding_year" AS TEXT))
          END AS DOUBLE)
        )
        THEN TRY_CAST(CASE
          WHEN REGEXP_FULL_MATCH(TRIM(CAST("founding_year" AS TEXT)), '[+-]?[0-9]+,[0-9]+')
          THEN REPLACE(TRIM(CAST("founding_year" AS TEXT)), ',', '.')
          WHEN REGEXP_FULL_MATCH(TRIM(CAST("founding_year" AS TEXT)), '[+-]?[0-9]{1,3}([.][0-9]{3})+(,[0-9]+)?')
          AND (
            CONTAINS(TRIM(CAST("founding_year" AS TEXT)), ',')
            OR LENGTH(TRIM(CAST("founding_year" AS TEXT))) - LENGTH(REPLACE(TRIM(CAST("founding_year" AS TEXT)), '.', '')) > 1
          )
          THEN REPLACE(REPLACE(TRIM(CAST("founding_year" AS TEXT)), '.', ''), ',', '.')
          WHEN REGEXP_FULL_MATCH(TRIM(CAST("founding_year" AS TEXT)), '[+-]?[0-9]{1,3}(,[0-9]{3})+([.][0-9]+)?')
          THEN REPLACE(TRIM(CAST("founding_year" AS TEXT)), ',', '')
          ELSE TRIM(CAST("founding_year" AS TEXT))
        END AS DOUBLE)
      END
    )
  ) AS INT),
  NULL,
  NULL,
  CASE
    WHEN NOT NULLIF(TRIM(ip_holder), '') IS NULL
    THEN 'on the IP of ' || TRIM(ip_holder)
  END,
  ?,
  _row + 1
FROM stg_st
WHERE
  NOT NULLIF(TRIM(parent), '') IS NULL
