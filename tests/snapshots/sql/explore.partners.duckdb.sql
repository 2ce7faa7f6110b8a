SELECT
  q.pic,
  o.label,
  o.activity_type,
  q.country,
  COUNT(DISTINCT q.project_key) AS joint_projects,
  ANY_VALUE(
    CASE
      WHEN FALSE
      THEN 'internal'
      WHEN q.country = 'NL'
      THEN 'rest_nl'
      WHEN ARRAY_CONTAINS(
        [
          'AT',
          'BE',
          'BG',
          'CY',
          'CZ',
          'DE',
          'DK',
          'EE',
          'GR',
          'ES',
          'FI',
          'FR',
          'HR',
          'HU',
          'IE',
          'IT',
          'LT',
          'LU',
          'LV',
          'MT',
          'NL',
          'PL',
          'PT',
          'RO',
          'SE',
          'SI',
          'SK',
          'GB'
        ],
        q.country
      )
      THEN 'eu'
      WHEN ARRAY_CONTAINS(
        [
          'AL',
          'AM',
          'BA',
          'CH',
          'FO',
          'GE',
          'IL',
          'IS',
          'MD',
          'ME',
          'MK',
          'NO',
          'RS',
          'TN',
          'TR',
          'UA'
        ],
        q.country
      )
      THEN 'associated'
      ELSE 'third_country'
    END
  ) AS where_from,
  COUNT(*) OVER () AS partner_count
FROM participation AS p
JOIN participation AS q
  ON q.project_key = p.project_key AND q.pic <> p.pic
JOIN organisation AS o
  ON o.pic = q.pic
WHERE
  p.pic = ?
GROUP BY
  q.pic,
  o.label,
  o.activity_type,
  q.country
ORDER BY
  joint_projects DESC,
  q.pic
LIMIT ?
