SELECT
  _row,
  first_row
FROM (
  SELECT
    _row,
    MIN(_row) OVER (
      PARTITION BY TRIM(ecosystem), TRIM(indicator), _bd, (
        CASE
          WHEN ISFINITE(
            TRY_CAST(CASE
              WHEN REGEXP_FULL_MATCH(TRIM(CAST(`year` AS STRING)), '[+-]?[0-9]+,[0-9]+')
              THEN REPLACE(TRIM(CAST(`year` AS STRING)), ',', '.')
              WHEN REGEXP_FULL_MATCH(TRIM(CAST(`year` AS STRING)), '[+-]?[0-9]{1,3}([.][0-9]{3})+(,[0-9]+)?')
              AND (
                CONTAINS(TRIM(CAST(`year` AS STRING)), ',')
                OR LENGTH(TRIM(CAST(`year` AS STRING))) - LENGTH(REPLACE(TRIM(CAST(`year` AS STRING)), '.', '')) > 1
              )
              THEN REPLACE(REPLACE(TRIM(CAST(`year` AS STRING)), '.', ''), ',', '.')
              WHEN REGEXP_FULL_MATCH(TRIM(CAST(`year` AS STRING)), '[+-]?[0-9]{1,3}(,[0-9]{3})+([.][0-9]+)?')
              THEN REPLACE(TRIM(CAST(`year` AS STRING)), ',', '')
              ELSE TRIM(CAST(`year` AS STRING))
            END AS DOUBLE)
          )
          THEN TRY_CAST(CASE
            WHEN REGEXP_FULL_MATCH(TRIM(CAST(`year` AS STRING)), '[+-]?[0-9]+,[0-9]+')
            THEN REPLACE(TRIM(CAST(`year` AS STRING)), ',', '.')
            WHEN REGEXP_FULL_MATCH(TRIM(CAST(`year` AS STRING)), '[+-]?[0-9]{1,3}([.][0-9]{3})+(,[0-9]+)?')
            AND (
              CONTAINS(TRIM(CAST(`year` AS STRING)), ',')
              OR LENGTH(TRIM(CAST(`year` AS STRING))) - LENGTH(REPLACE(TRIM(CAST(`year` AS STRING)), '.', '')) > 1
            )
            THEN REPLACE(REPLACE(TRIM(CAST(`year` AS STRING)), '.', ''), ',', '.')
            WHEN REGEXP_FULL_MATCH(TRIM(CAST(`year` AS STRING)), '[+-]?[0-9]{1,3}(,[0-9]{3})+([.][0-9]+)?')
            THEN REPLACE(TRIM(CAST(`year` AS STRING)), ',', '')
            ELSE TRIM(CAST(`year` AS STRING))
          END AS DOUBLE)
        END
      )
    ) AS first_row
  FROM stg_values_k
)
WHERE
  _row > first_row
ORDER BY
  _row NULLS LAST
LIMIT 20
