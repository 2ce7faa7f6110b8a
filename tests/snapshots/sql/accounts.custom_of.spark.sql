SELECT
  key,
  ecosystem_id,
  name_en,
  name_nl,
  unit,
  category,
  challenges,
  direction,
  availability
FROM custom_indicator
WHERE
  ecosystem_id = ? OR ecosystem_id IS NULL OR ecosystem_id = ''
ORDER BY
  key NULLS LAST
