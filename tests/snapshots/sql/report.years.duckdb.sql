SELECT
  year,
  MAX(value) FILTER(WHERE
    measure = 'participations') AS participations,
  MAX(value) FILTER(WHERE
    measure = 'organisations') AS organisations,
  MAX(value) FILTER(WHERE
    measure = 'ec_contribution_eur') AS ec
FROM indicator_value
WHERE
  ecosystem_id = ? AND NOT year IS NULL AND breakdown = ''
GROUP BY
  year
ORDER BY
  year
