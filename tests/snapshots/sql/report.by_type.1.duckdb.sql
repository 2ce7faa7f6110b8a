SELECT
  SUBSTRING(breakdown, LENGTH(?) + 2) AS code,
  MAX(value) FILTER(WHERE
    measure = 'organisations') AS organisations,
  MAX(value) FILTER(WHERE
    measure = 'participations') AS participations,
  MAX(value) FILTER(WHERE
    measure = 'ec_contribution_eur') AS ec
FROM indicator_value
WHERE
  ecosystem_id = ? AND year IS NULL AND STARTS_WITH(breakdown, ? || ':')
GROUP BY
  1
ORDER BY
  participations DESC,
  code
