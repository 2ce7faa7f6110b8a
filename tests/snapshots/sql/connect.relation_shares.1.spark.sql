WITH pairs AS (
  SELECT DISTINCT
    s.ecosystem_id,
    CASE WHEN NOT m2.pic IS NULL THEN LEAST(s.pic, q.pic) ELSE s.pic END AS a,
    CASE WHEN NOT m2.pic IS NULL THEN GREATEST(s.pic, q.pic) ELSE q.pic END AS b,
    CASE
      WHEN NOT m2.pic IS NULL
      THEN 'internal'
      WHEN q.country = 'NL'
      THEN 'rest_nl'
      WHEN ARRAY_CONTAINS(
        ARRAY(
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
        ),
        q.country
      )
      THEN 'eu'
      WHEN ARRAY_CONTAINS(
        ARRAY('AL', 'AM', 'BA', 'CH', 'FO', 'GE', 'IL', 'IS', 'MD', 'ME', 'MK', 'NO', 'RS', 'TN', 'TR', 'UA'),
        q.country
      )
      THEN 'associated'
      ELSE 'third_country'
    END AS cls
  FROM scope AS s
  /* partners in analysis units, as indicator #18 counts them (innovatlas.registry.units) */
  JOIN (
    SELECT
      p.project_key,
      COALESCE(u.unit, p.pic) AS pic,
      p.country
    FROM participation AS p
    LEFT JOIN analysis_unit AS u
      ON u.pic = p.pic
  ) AS q
    ON q.project_key = s.project_key AND q.pic <> s.pic
  LEFT JOIN ecosystem_member AS m2
    ON m2.ecosystem_id = s.ecosystem_id AND m2.pic = q.pic
  WHERE
    ARRAY_CONTAINS(ARRAY('delft', 'leiden'), s.ecosystem_id)
    AND (
      NULL IS NULL OR s.start_year >= NULL
    )
    AND (
      NULL IS NULL OR s.start_year <= NULL
    )
)
SELECT
  ecosystem_id,
  cls,
  COUNT(*)
FROM pairs
GROUP BY
  1,
  2
