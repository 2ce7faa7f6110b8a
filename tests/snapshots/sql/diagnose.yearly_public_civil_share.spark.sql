SELECT
  year,
  SUM(value) FILTER(WHERE
    breakdown IN ('activity:PUB', 'activity:OTH')) / NULLIF(SUM(value) FILTER(WHERE
    breakdown = ''), 0)
FROM indicator_value
WHERE
  ecosystem_id = ? AND measure = 'participations' AND NOT year IS NULL
GROUP BY
  1
ORDER BY
  1 NULLS LAST
