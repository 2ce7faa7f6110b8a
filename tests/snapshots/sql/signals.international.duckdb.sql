SELECT
  ecosystem_id,
  SUM(value) FILTER(WHERE
    breakdown = 'eu') / SUM(value),
  SUM(value) FILTER(WHERE
    breakdown = 'associated') / SUM(value),
  SUM(value) FILTER(WHERE
    breakdown = 'third_country') / SUM(value)
FROM indicator_value
WHERE
  indicator = '18'
  AND year IS NULL
  AND breakdown <> ''
  AND NOT STARTS_WITH(breakdown, 'programme:')
GROUP BY
  1
HAVING
  SUM(value) > 0
