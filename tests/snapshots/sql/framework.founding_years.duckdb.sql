UPDATE stg_fin SET founding_year = CAST(YEAR(
  TRY_CAST(CASE
    WHEN REGEXP_FULL_MATCH(TRIM(founding_year), '[0-9]{4}')
    THEN TRIM(founding_year) || '-01-01'
    ELSE LEFT(TRIM(founding_year), 10)
  END AS DATE)
) AS TEXT)
WHERE
  NOT founding_year IS NULL
