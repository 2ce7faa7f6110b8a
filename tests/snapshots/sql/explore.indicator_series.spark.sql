SELECT
  year,
  value
FROM indicator_value
WHERE
  ecosystem_id = ? AND measure = ? AND breakdown = ? AND NOT year IS NULL
ORDER BY
  year NULLS LAST
