SELECT
  SUBSTRING(breakdown, LENGTH('actor') + 2) AS code,
  MAX(value) FILTER(WHERE
    measure = 'organisations') AS organisations,
  MAX(value) FILTER(WHERE
    measure = 'participations') AS participations,
  MAX(value) FILTER(WHERE
    measure = 'ec_contribution_eur') AS ec
FROM indicator_value
WHERE
  ecosystem_id = 'delft' AND year IS NULL AND STARTSWITH(breakdown, 'actor' || ':')
GROUP BY
  1
ORDER BY
  organisations DESC,
  code NULLS LAST
