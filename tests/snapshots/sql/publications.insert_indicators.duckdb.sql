INSERT INTO indicator_value
SELECT
  *,
  ?,
  ?,
  CAST(NOW() AS TIMESTAMP)
FROM (
  WITH aff AS (
    SELECT
      work_id,
      author_seq,
      COALESCE('ror:' || ror_id, 'openalex:' || institution_id) AS org_key,
      ANY_VALUE(name) AS name,
      ANY_VALUE(inst_type) AS inst_type,
      ANY_VALUE(
        CASE
          WHEN inst_type IN ('education', 'government', 'facility', 'healthcare', 'nonprofit', 'archive')
          THEN 'public'
          WHEN inst_type IN ('company')
          THEN 'private'
          ELSE 'other'
        END
      ) AS sector,
      ANY_VALUE(country) AS country,
      ANY_VALUE(ror_id) AS ror_id
    FROM openalex_affiliation
    GROUP BY
      1,
      2,
      3
  ), org_pics AS (
    SELECT DISTINCT
      org_key,
      CAST(value AS BIGINT) AS pic
    FROM registry_identifier
    WHERE
      scheme = 'pic' AND org_key LIKE 'ror:%'
  ), member_keys AS (
    SELECT DISTINCT
      m.ecosystem_id,
      p.org_key
    FROM ecosystem_member AS m
    JOIN org_pics AS p
      ON p.pic = m.pic
  ), na AS (
    SELECT
      work_id,
      COUNT(*) AS n_auth
    FROM openalex_authorship
    GROUP BY
      1
  ), ni AS (
    SELECT
      work_id,
      author_seq,
      COUNT(*) AS n_inst
    FROM aff
    GROUP BY
      1,
      2
  ), wa AS (
    SELECT
      a.*,
      1.0 / (
        na.n_auth * ni.n_inst
      ) AS frac
    FROM aff AS a
    JOIN na
      ON na.work_id = a.work_id
    JOIN ni
      ON ni.work_id = a.work_id AND ni.author_seq = a.author_seq
  ), eco_works AS (
    SELECT DISTINCT
      k.ecosystem_id,
      wa.work_id
    FROM wa
    JOIN member_keys AS k
      ON k.org_key = wa.org_key
  ), wo AS (
    SELECT
      e.ecosystem_id,
      e.work_id,
      wa.org_key,
      ANY_VALUE(wa.sector) AS sector,
      ANY_VALUE(wa.country) AS country
    FROM eco_works AS e
    JOIN wa
      ON wa.work_id = e.work_id
    GROUP BY
      1,
      2,
      3
  ), mf AS (
    SELECT
      e.ecosystem_id,
      e.work_id,
      SUM(wa.frac) AS frac
    FROM eco_works AS e
    JOIN wa
      ON wa.work_id = e.work_id
    JOIN member_keys AS k
      ON k.ecosystem_id = e.ecosystem_id AND k.org_key = wa.org_key
    GROUP BY
      1,
      2
  ), wf AS (
    SELECT
      o.ecosystem_id,
      o.work_id,
      ANY_VALUE(w.publication_year) AS year,
      ANY_VALUE(mf.frac) AS frac,
      COUNT(*) AS orgs,
      COUNT(*) FILTER(WHERE
        o.sector = 'public') AS pub,
      COUNT(*) FILTER(WHERE
        o.sector = 'private') AS priv,
      COALESCE(BOOL_OR(CAST(o.country <> 'NL' AS BOOLEAN)), FALSE) AS intl,
      COALESCE(
        BOOL_OR(
          CAST(ARRAY_CONTAINS(
            [
              'AT',
              'BE',
              'BG',
              'HR',
              'CY',
              'CZ',
              'DK',
              'EE',
              'FI',
              'FR',
              'DE',
              'GR',
              'HU',
              'IE',
              'IT',
              'LV',
              'LT',
              'LU',
              'MT',
              'PL',
              'PT',
              'RO',
              'SK',
              'SI',
              'ES',
              'SE'
            ],
            o.country
          ) AS BOOLEAN)
        ),
        FALSE
      ) AS eu,
      COALESCE(
        BOOL_OR(
          CAST(NOT o.country IS NULL
          AND NOT ARRAY_CONTAINS(
            [
              'AT',
              'BE',
              'BG',
              'HR',
              'CY',
              'CZ',
              'DK',
              'EE',
              'FI',
              'FR',
              'DE',
              'GR',
              'HU',
              'IE',
              'IT',
              'LV',
              'LT',
              'LU',
              'MT',
              'NL',
              'PL',
              'PT',
              'RO',
              'SK',
              'SI',
              'ES',
              'SE'
            ],
            o.country
          ) AS BOOLEAN)
        ),
        FALSE
      ) AS third
    FROM wo AS o
    JOIN openalex_work AS w
      ON w.work_id = o.work_id
    JOIN mf
      ON mf.ecosystem_id = o.ecosystem_id AND mf.work_id = o.work_id
    GROUP BY
      1,
      2
  ), agg AS (
    SELECT
      ecosystem_id,
      year,
      CAST(COUNT(*) AS DOUBLE) AS publications,
      SUM(frac) AS publications_fractional,
      CAST(COUNT(*) FILTER(WHERE
        orgs >= 2) AS DOUBLE) AS copublications,
      CAST(COUNT(*) FILTER(WHERE
        pub >= 2) AS DOUBLE) AS copublications_public_public,
      CAST(COUNT(*) FILTER(WHERE
        pub >= 1 AND priv >= 1) AS DOUBLE) AS copublications_public_private,
      CAST(COUNT(*) FILTER(WHERE
        orgs >= 2 AND intl) AS DOUBLE) AS copublications_international,
      CAST(COUNT(*) FILTER(WHERE
        orgs >= 2 AND eu) AS DOUBLE) AS copublications_eu,
      CAST(COUNT(*) FILTER(WHERE
        orgs >= 2 AND third) AS DOUBLE) AS copublications_third_country
    FROM wf
    GROUP BY
      GROUPING SETS (
        (
          ecosystem_id
        ),
        (ecosystem_id, year)
      )
    HAVING
      NOT (
        GROUPING(year) = 0 AND year IS NULL
      )
  ), dual AS (
    SELECT
      wa.work_id,
      wa.author_seq
    FROM wa
    WHERE
      NOT wa.inst_type IS NULL
    GROUP BY
      1,
      2
    HAVING
      COUNT(DISTINCT wa.inst_type) >= 2
  ), dual_eco AS (
    SELECT DISTINCT
      k.ecosystem_id,
      w.publication_year AS year,
      COALESCE(au.author_id, d.work_id || '#' || CAST(d.author_seq AS TEXT)) AS author
    FROM dual AS d
    JOIN wa
      ON wa.work_id = d.work_id AND wa.author_seq = d.author_seq
    JOIN member_keys AS k
      ON k.org_key = wa.org_key
    JOIN openalex_authorship AS au
      ON au.work_id = d.work_id AND au.author_seq = d.author_seq
    JOIN openalex_work AS w
      ON w.work_id = d.work_id
  ), dual_agg AS (
    SELECT
      e.ecosystem_id,
      e.year,
      CAST(COUNT(DISTINCT d.author) AS DOUBLE) AS n
    FROM (
      SELECT
        ecosystem_id,
        year
      FROM agg
    ) AS e
    LEFT JOIN dual_eco AS d
      ON d.ecosystem_id = e.ecosystem_id AND (
        d.year = e.year OR e.year IS NULL
      )
    GROUP BY
      1,
      2
  )
  SELECT
    ecosystem_id,
    '15',
    'publications',
    '',
    year,
    publications,
    'works'
  FROM agg
  UNION ALL
  SELECT
    ecosystem_id,
    '15',
    'publications_fractional',
    '',
    year,
    publications_fractional,
    'works (fractional counting)'
  FROM agg
  UNION ALL
  SELECT
    ecosystem_id,
    '16',
    'copublications',
    '',
    year,
    copublications,
    'works'
  FROM agg
  UNION ALL
  SELECT
    ecosystem_id,
    '16',
    'copublications',
    'public_public',
    year,
    copublications_public_public,
    'works'
  FROM agg
  UNION ALL
  SELECT
    ecosystem_id,
    '16',
    'copublications',
    'public_private',
    year,
    copublications_public_private,
    'works'
  FROM agg
  UNION ALL
  SELECT
    ecosystem_id,
    '16',
    'copublication_share',
    'international',
    year,
    CASE WHEN copublications > 0 THEN copublications_international / copublications END,
    'share'
  FROM agg
  UNION ALL
  SELECT
    ecosystem_id,
    '16',
    'copublication_share',
    'eu',
    year,
    CASE WHEN copublications > 0 THEN copublications_eu / copublications END,
    'share'
  FROM agg
  UNION ALL
  SELECT
    ecosystem_id,
    '16',
    'copublication_share',
    'third_country',
    year,
    CASE WHEN copublications > 0 THEN copublications_third_country / copublications END,
    'share'
  FROM agg
  UNION ALL
  SELECT
    ecosystem_id,
    '17',
    'dual_appointment_proxy',
    '',
    year,
    n,
    'authors (proxy)'
  FROM dual_agg
)
