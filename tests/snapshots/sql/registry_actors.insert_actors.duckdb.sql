INSERT INTO user_actor
SELECT
  TRIM(actor_id),
  TRIM(name),
  LOWER(TRIM(actor_type)),
  CAST(NULLIF(TRIM(pic), '') AS BIGINT),
  NULLIF(REGEXP_EXTRACT(TRIM(ror), '([^/]+)$', 1), ''),
  NULLIF(TRIM(kvk), ''),
  NULLIF(TRIM(city), ''),
  NULLIF(TRIM(postcode), ''),
  COALESCE(NULLIF(UPPER(TRIM(country)), ''), 'NL'),
  NULLIF(TRIM(website), ''),
  NULLIF(TRIM(note), ''),
  ?,
  _row + 1,
  CASE
    WHEN REGEXP_FULL_MATCH(
      CASE
        WHEN REGEXP_FULL_MATCH(
          REGEXP_REPLACE(UPPER(COALESCE(CAST(vat AS TEXT), '')), '[^A-Z0-9]', '', 'g'),
          '[A-Z]{2}.*'
        )
        THEN REGEXP_REPLACE(UPPER(COALESCE(CAST(vat AS TEXT), '')), '[^A-Z0-9]', '', 'g')
        ELSE CASE
          WHEN UPPER(COALESCE(NULLIF(UPPER(TRIM(country)), ''), 'NL')) = 'GR'
          THEN 'EL'
          ELSE UPPER(COALESCE(NULLIF(UPPER(TRIM(country)), ''), 'NL'))
        END || REGEXP_REPLACE(UPPER(COALESCE(CAST(vat AS TEXT), '')), '[^A-Z0-9]', '', 'g')
      END,
      '[A-Z]{2}[0-9][0-9A-Z]{1,13}'
    )
    AND NOT REGEXP_FULL_MATCH(
      CASE
        WHEN REGEXP_FULL_MATCH(
          REGEXP_REPLACE(UPPER(COALESCE(CAST(vat AS TEXT), '')), '[^A-Z0-9]', '', 'g'),
          '[A-Z]{2}.*'
        )
        THEN REGEXP_REPLACE(UPPER(COALESCE(CAST(vat AS TEXT), '')), '[^A-Z0-9]', '', 'g')
        ELSE CASE
          WHEN UPPER(COALESCE(NULLIF(UPPER(TRIM(country)), ''), 'NL')) = 'GR'
          THEN 'EL'
          ELSE UPPER(COALESCE(NULLIF(UPPER(TRIM(country)), ''), 'NL'))
        END || REGEXP_REPLACE(UPPER(COALESCE(CAST(vat AS TEXT), '')), '[^A-Z0-9]', '', 'g')
      END,
      '[A-Z]{2}0+'
    )
    THEN CASE
      WHEN REGEXP_FULL_MATCH(
        REGEXP_REPLACE(UPPER(COALESCE(CAST(vat AS TEXT), '')), '[^A-Z0-9]', '', 'g'),
        '[A-Z]{2}.*'
      )
      THEN REGEXP_REPLACE(UPPER(COALESCE(CAST(vat AS TEXT), '')), '[^A-Z0-9]', '', 'g')
      ELSE CASE
        WHEN UPPER(COALESCE(NULLIF(UPPER(TRIM(country)), ''), 'NL')) = 'GR'
        THEN 'EL'
        ELSE UPPER(COALESCE(NULLIF(UPPER(TRIM(country)), ''), 'NL'))
      END || REGEXP_REPLACE(UPPER(COALESCE(CAST(vat AS TEXT), '')), '[^A-Z0-9]', '', 'g')
    END
  END
FROM stg_actors
