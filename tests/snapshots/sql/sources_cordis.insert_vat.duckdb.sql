INSERT INTO organisation_vat
SELECT
  pic,
  vat,
  ?,
  MIN(_row)
FROM (
  SELECT
    CAST(organisationID AS BIGINT) AS pic,
    CASE
      WHEN REGEXP_FULL_MATCH(
        CASE
          WHEN REGEXP_FULL_MATCH(
            REGEXP_REPLACE(UPPER(COALESCE(CAST(vatNumber AS TEXT), '')), '[^A-Z0-9]', '', 'g'),
            '[A-Z]{2}.*'
          )
          THEN REGEXP_REPLACE(UPPER(COALESCE(CAST(vatNumber AS TEXT), '')), '[^A-Z0-9]', '', 'g')
          ELSE CASE
            WHEN UPPER(
              CASE UPPER(TRIM(country))
                WHEN 'UK'
                THEN 'GB'
                WHEN 'EL'
                THEN 'GR'
                ELSE UPPER(TRIM(country))
              END
            ) = 'GR'
            THEN 'EL'
            ELSE UPPER(
              CASE UPPER(TRIM(country))
                WHEN 'UK'
                THEN 'GB'
                WHEN 'EL'
                THEN 'GR'
                ELSE UPPER(TRIM(country))
              END
            )
          END || REGEXP_REPLACE(UPPER(COALESCE(CAST(vatNumber AS TEXT), '')), '[^A-Z0-9]', '', 'g')
        END,
        '[A-Z]{2}[0-9][0-9A-Z]{1,13}'
      )
      AND NOT REGEXP_FULL_MATCH(
        CASE
          WHEN REGEXP_FULL_MATCH(
            REGEXP_REPLACE(UPPER(COALESCE(CAST(vatNumber AS TEXT), '')), '[^A-Z0-9]', '', 'g'),
            '[A-Z]{2}.*'
          )
          THEN REGEXP_REPLACE(UPPER(COALESCE(CAST(vatNumber AS TEXT), '')), '[^A-Z0-9]', '', 'g')
          ELSE CASE
            WHEN UPPER(
              CASE UPPER(TRIM(country))
                WHEN 'UK'
                THEN 'GB'
                WHEN 'EL'
                THEN 'GR'
                ELSE UPPER(TRIM(country))
              END
            ) = 'GR'
            THEN 'EL'
            ELSE UPPER(
              CASE UPPER(TRIM(country))
                WHEN 'UK'
                THEN 'GB'
                WHEN 'EL'
                THEN 'GR'
                ELSE UPPER(TRIM(country))
              END
            )
          END || REGEXP_REPLACE(UPPER(COALESCE(CAST(vatNumber AS TEXT), '')), '[^A-Z0-9]', '', 'g')
        END,
        '[A-Z]{2}0+'
      )
      THEN CASE
        WHEN REGEXP_FULL_MATCH(
          REGEXP_REPLACE(UPPER(COALESCE(CAST(vatNumber AS TEXT), '')), '[^A-Z0-9]', '', 'g'),
          '[A-Z]{2}.*'
        )
        THEN REGEXP_REPLACE(UPPER(COALESCE(CAST(vatNumber AS TEXT), '')), '[^A-Z0-9]', '', 'g')
        ELSE CASE
          WHEN UPPER(
            CASE UPPER(TRIM(country))
              WHEN 'UK'
              THEN 'GB'
              WHEN 'EL'
              THEN 'GR'
              ELSE UPPER(TRIM(country))
            END
          ) = 'GR'
          THEN 'EL'
          ELSE UPPER(
            CASE UPPER(TRIM(country))
              WHEN 'UK'
              THEN 'GB'
              WHEN 'EL'
              THEN 'GR'
              ELSE UPPER(TRIM(country))
            END
          )
        END || REGEXP_REPLACE(UPPER(COALESCE(CAST(vatNumber AS TEXT), '')), '[^A-Z0-9]', '', 'g')
      END
    END AS vat,
    _row
  FROM stg_org
)
WHERE
  NOT vat IS NULL
GROUP BY
  pic,
  vat
