WITH _partner AS (
  SELECT
    p.project_key,
    COALESCE(u.unit, p.pic) AS pic,
    p.country
  FROM participation AS p
  LEFT JOIN analysis_unit AS u
    ON u.pic = p.pic
), pairs AS (
  SELECT DISTINCT
    s.ecosystem_id,
    s.start_year,
    s.framework,
    CASE WHEN NOT m2.pic IS NULL THEN LEAST(s.pic, q.pic) ELSE s.pic END AS a,
    CASE WHEN NOT m2.pic IS NULL THEN GREATEST(s.pic, q.pic) ELSE q.pic END AS b,
    CASE
      WHEN NOT m2.pic IS NULL
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
    END AS partner_class
  FROM scope AS s
  JOIN _partner AS q
    ON q.project_key = s.project_key AND q.pic <> s.pic
  LEFT JOIN ecosystem_member AS m2
    ON m2.ecosystem_id = s.ecosystem_id AND m2.pic = q.pic
), third AS (
  SELECT DISTINCT
    s.ecosystem_id,
    s.project_key
  FROM scope AS s
  JOIN _partner AS q
    ON q.project_key = s.project_key AND q.pic <> s.pic
  LEFT JOIN ecosystem_member AS m2
    ON m2.ecosystem_id = s.ecosystem_id AND m2.pic = q.pic
  WHERE
    m2.pic IS NULL
    AND CASE
      WHEN NOT m2.pic IS NULL
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
    END = 'third_country'
), rel AS (
  SELECT
    ecosystem_id,
    '18',
    'collaboration_relations',
    CASE
      WHEN GROUPING(framework) = 0
      THEN 'programme:' || COALESCE(framework, '?')
      ELSE COALESCE(partner_class, '')
    END,
    start_year,
    CAST(COUNT(DISTINCT (a, b)) AS DOUBLE),
    'organisation pairs'
  FROM pairs
  GROUP BY
    GROUPING SETS (
      (
        ecosystem_id
      ),
      (ecosystem_id, start_year),
      (ecosystem_id, partner_class),
      (ecosystem_id, partner_class, start_year),
      (ecosystem_id, framework),
      (ecosystem_id, framework, start_year)
    )
  HAVING
    NOT (
      GROUPING(start_year) = 0 AND start_year IS NULL
    )
), tc AS (
  SELECT
    e.ecosystem_id,
    'collaboration',
    'projects_with_third_country_partner',
    '',
    e.start_year,
    CAST(COUNT(DISTINCT t.project_key) AS DOUBLE),
    'projects'
  FROM (
    SELECT DISTINCT
      ecosystem_id,
      project_key,
      start_year
    FROM scope
  ) AS e
  LEFT JOIN third AS t
    ON t.ecosystem_id = e.ecosystem_id AND t.project_key = e.project_key
  GROUP BY
    GROUPING SETS (
      (
        e.ecosystem_id
      ),
      (e.ecosystem_id, e.start_year)
    )
  HAVING
    NOT (
      GROUPING(e.start_year) = 0 AND e.start_year IS NULL
    )
)
SELECT
  *
FROM rel
UNION ALL
SELECT
  *
FROM tc
