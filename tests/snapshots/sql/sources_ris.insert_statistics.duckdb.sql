INSERT INTO regional_statistic
SELECT
  'ris',
  TRIM("Region"),
  "RegionName",
  TRIM("Indicator"),
  CAST(CAST("Year" AS DOUBLE) AS INT),
  TRY_CAST("Value" AS DOUBLE),
  CASE
    WHEN "Indicator" LIKE '0 %'
    THEN 'index (EU 2016 = 100)'
    ELSE 'normalised score'
  END,
  ?,
  _row
FROM stg_ris
WHERE
  NOT "Value" IS NULL
