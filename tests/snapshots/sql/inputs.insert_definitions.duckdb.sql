INSERT INTO custom_indicator
SELECT
  TRIM(key),
  ecosystem,
  TRIM(name_en),
  COALESCE(name_nl, TRIM(name_en)),
  TRIM(unit),
  category,
  challenges,
  LOWER(TRIM(direction)),
  COALESCE(LOWER(TRIM(availability)), 'import'),
  ?,
  _row
FROM stg_defs
