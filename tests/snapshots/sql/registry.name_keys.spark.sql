WITH n AS (
  SELECT
    n.ror_id,
    r.country_code,
    n.name,
    r.city,
    r.municipality
  FROM ror_name AS n
  JOIN ror_record AS r
    USING (ror_id)
  /* a site named after 'Location' ('Amsterdam UMC Location VUmc') is named by that part too */
  UNION
  SELECT
    n.ror_id,
    r.country_code,
    REGEXP_EXTRACT(n.name, '(?i)\\blocation\\s+(.+)$'),
    r.city,
    r.municipality
  FROM ror_name AS n
  JOIN ror_record AS r
    USING (ror_id)
  WHERE
    n.name RLIKE '(?i)\\blocation\\s+\\S'
  UNION
  SELECT
    m.right_id,
    r.country_code,
    EXPLODE(
      ARRAY(
        o.name,
        CASE
          WHEN LENGTH(o.short_name) >= 3
          AND UPPER(o.short_name) <> UPPER(COALESCE(o.city, ''))
          AND NOT UPPER(o.short_name) IN (
            SELECT
              UPPER(name)
            FROM geo_region
          )
          THEN o.short_name
        END
      )
    ),
    r.city,
    r.municipality
  FROM org_match AS m
  JOIN organisation AS o
    ON CAST(o.pic AS STRING) = m.left_id
  JOIN ror_record AS r
    ON r.ror_id = m.right_id
  WHERE
    m.status IN ('matched', 'accepted') AND NOT o.name IS NULL
), t AS (
  SELECT
    ror_id,
    country_code,
    FILTER(
      SPLIT(
        REGEXP_REPLACE(
          ARRAY_JOIN(
            FILTER(
              SPLIT(
                ARRAY_JOIN(
                  TRANSFORM(
                    SPLIT(
                      TRIM(
                        REGEXP_REPLACE(
                          REPLACE(
                            REPLACE(
                              REPLACE(
                                REPLACE(
                                  REPLACE(
                                    REPLACE(
                                      REPLACE(
                                        REPLACE(
                                          REPLACE(
                                            REPLACE(
                                              REPLACE(
                                                REPLACE(
                                                  ' ' || TRIM(
                                                    REGEXP_REPLACE(
                                                      REGEXP_REPLACE(
                                                        REPLACE(
                                                          REPLACE(
                                                            REPLACE(
                                                              REGEXP_REPLACE(
                                                                UPPER(STRIP_ACCENTS(COALESCE(CAST(name AS STRING), ''))),
                                                                '\\((THE )?(NETHERLANDS|NEDERLAND|HOLLAND)\\)',
                                                                ' '
                                                              ),
                                                              '&AMP;',
                                                              ' AND '
                                                            ),
                                                            '&#X0026;',
                                                            ' AND '
                                                          ),
                                                          '&',
                                                          ' AND '
                                                        ),
                                                        '[.\'’]',
                                                        ''
                                                      ),
                                                      '[^A-Z0-9]+',
                                                      ' '
                                                    )
                                                  ) || ' ',
                                                  ' HOGESCHOOL VOOR DE KUNSTEN ',
                                                  ' UNIVERSITY OF THE ARTS '
                                                ),
                                                ' ACADEMISCH MEDISCH CENTRUM ',
                                                ' ACADEMIC MEDICAL CENTER '
                                              ),
                                              ' ACADEMISCH ZIEKENHUIS ',
                                              ' UNIVERSITY MEDICAL CENTER '
                                            ),
                                            ' UNIVERSITAIR MEDISCH CENTRUM ',
                                            ' UNIVERSITY MEDICAL CENTER '
                                          ),
                                          ' UNIVERSITY MEDICAL CENTRE ',
                                          ' UNIVERSITY MEDICAL CENTER '
                                        ),
                                        ' UNIVERSITAIR MEDISCHE CENTRA ',
                                        ' UNIVERSITY MEDICAL CENTER '
                                      ),
                                      ' TOEGEPAST NATUURWETENSCHAPPELIJK ONDERZOEK ',
                                      ' APPLIED SCIENTIFIC RESEARCH '
                                    ),
                                    ' UNIVERSITY OF APPLIED SCIENCES ',
                                    ' HOGESCHOOL '
                                  ),
                                  'HOGESCHOOL',
                                  ' HOGESCHOOL '
                                ),
                                'UNIVERSITEIT',
                                ' UNIVERSITEIT '
                              ),
                              'ZIEKENHUIS',
                              ' ZIEKENHUIS '
                            ),
                            ' RIJKSINSTITUUT ',
                            ' RIJKS INSTITUUT '
                          ),
                          ' +',
                          ' '
                        )
                      ),
                      CONCAT('\\Q', ' ', '\\E')
                    ),
                    t -> COALESCE(
                      LIST_EXTRACT(
                        MAP_EXTRACT(
                          MAP STRUCT(
                            'UNIVERSITY' AS UNIVERSITEIT,
                            'UNIVERSITY' AS UNIVERSITAT,
                            'UNIVERSITY' AS UNIVERSITAET,
                            'UNIVERSITY' AS UNIVERSITE,
                            'UNIVERSITY' AS UNIVERSIDAD,
                            'UNIVERSITY' AS UNIVERSITA,
                            'UNIVERSITY' AS UNIV,
                            '' AS RIJKS,
                            'TECHNOLOGY' AS TECHNISCHE,
                            'TECHNOLOGY' AS TECH,
                            'TECHNOLOGY' AS TECHNOLOGICAL,
                            'CENTER' AS CENTRE,
                            'CENTER' AS CENTRUM,
                            'CENTER' AS CTR,
                            'MEDICAL' AS MEDISCH,
                            'MEDICAL' AS MEDISCHE,
                            'HOSPITAL' AS ZIEKENHUIS,
                            'HOSPITAL' AS ZIEKENHUIZEN,
                            'HOSPITAL' AS HOSPITALS,
                            'HOSPITAL' AS GASTHUIS,
                            'INSTITUTE' AS INSTITUUT,
                            'INSTITUTE' AS INSTITUT,
                            'INSTITUTE' AS INST,
                            'NETHERLANDS' AS NEDERLANDS,
                            'NETHERLANDS' AS NEDERLANDSE,
                            'NETHERLANDS' AS NEDERLAND,
                            'NETHERLANDS' AS DUTCH,
                            'ORGANISATION' AS ORGANISATIE,
                            'ORGANISATION' AS ORGANIZATION,
                            'RESEARCH' AS ONDERZOEK,
                            'LABORATORY' AS LABORATORIUM,
                            'LABORATORY' AS LAB,
                            'CANCER' AS KANKER,
                            'ASSOCIATION' AS VERENIGING,
                            'MUNICIPALITY' AS GEMEENTE,
                            'PROVINCE' AS PROVINCIE,
                            'CATHOLIC' AS KATHOLIEKE,
                            'VRIJE' AS VU,
                            'UNIVERSITY MEDICAL CENTER' AS UMC,
                            'MEDICAL CENTER' AS MC,
                            'ARTS' AS KUNSTEN,
                            'MINISTRY' AS MINISTERIE,
                            'AFFAIRS' AS ZAKEN,
                            'ECONOMIC' AS ECONOMISCHE,
                            'EDUCATION' AS ONDERWIJS,
                            'CULTURE' AS CULTUUR,
                            'SCIENCE' AS WETENSCHAP,
                            'HEALTH' AS VOLKSGEZONDHEID,
                            'WELFARE' AS WELZIJN,
                            'INTERIOR' AS BINNENLANDSE,
                            'KINGDOM RELATIONS' AS KONINKRIJKSRELATIES,
                            'SECURITY' AS VEILIGHEID,
                            'JUSTICE' AS JUSTITIE,
                            'INFRASTRUCTURE' AS INFRASTRUCTUUR,
                            'ENVIRONMENT' AS MILIEU,
                            'ROYAL' AS KONINKLIJK,
                            'ROYAL' AS KONINKLIJKE,
                            'METEOROLOGICAL' AS METEOROLOGISCH,
                            'TROPICAL' AS TROPEN,
                            'FINANCE' AS FINANCIEN,
                            'SCIENTIFIC' AS WETENSCHAPPELIJK,
                            'SCIENTIFIC' AS WETENSCHAPPELIJKE,
                            'STANDARDIZATION' AS NORMALISATIE,
                            'STANDARDIZATION' AS STANDARDISATION,
                            'ENERGY RESEARCH' AS ENERGIEONDERZOEK,
                            'GERMAN' AS DUITS,
                            'GERMAN' AS DUITSE,
                            'WIND TUNNELS' AS WINDTUNNELS,
                            'WIND TUNNEL' AS WINDTUNNEL,
                            'HUMANISTIC STUDIES' AS HUMANISTIEK
                          ),
                          t
                        ),
                        1
                      ),
                      t
                    )
                  ),
                  ' '
                ),
                CONCAT('\\Q', ' ', '\\E')
              ),
              t -> t <> ''
              AND NOT t IN (
                'AB',
                'AG',
                'AND',
                'APS',
                'AS',
                'AT',
                'BA',
                'BV',
                'CO',
                'COMPANY',
                'CORP',
                'CV',
                'DE',
                'DEL',
                'DEN',
                'DER',
                'DES',
                'DI',
                'DU',
                'EN',
                'ET',
                'FOR',
                'FOUNDATION',
                'FUR',
                'GMBH',
                'HET',
                'HOLDING',
                'IN',
                'INC',
                'KG',
                'LA',
                'LE',
                'LES',
                'LIMITED',
                'LLC',
                'LTD',
                'NV',
                'OF',
                'OY',
                'PLC',
                'S',
                'SA',
                'SAS',
                'SL',
                'SPA',
                'SRL',
                'STICHTING',
                'TE',
                'THE',
                'UA',
                'UND',
                'VAN',
                'VOF',
                'VOOR'
              )
            ),
            ' '
          ),
          '(.) NETHERLANDS$',
          '\\1'
        ),
        CONCAT('\\Q', ' ', '\\E')
      ),
      t -> t <> ''
    ) AS toks,
    LENGTH(SPLIT(TRIM(REGEXP_REPLACE(name, '\\(.*\\)', '')), CONCAT('\\Q', ' ', '\\E'))) AS words,
    CONCAT(
      FILTER(
        SPLIT(
          REGEXP_REPLACE(
            ARRAY_JOIN(
              FILTER(
                SPLIT(
                  ARRAY_JOIN(
                    TRANSFORM(
                      SPLIT(
                        TRIM(
                          REGEXP_REPLACE(
                            REPLACE(
                              REPLACE(
                                REPLACE(
                                  REPLACE(
                                    REPLACE(
                                      REPLACE(
                                        REPLACE(
                                          REPLACE(
                                            REPLACE(
                                              REPLACE(
                                                REPLACE(
                                                  REPLACE(
                                                    ' ' || TRIM(
                                                      REGEXP_REPLACE(
                                                        REGEXP_REPLACE(
                                                          REPLACE(
                                                            REPLACE(
                                                              REPLACE(
                                                                REGEXP_REPLACE(
                                                                  UPPER(STRIP_ACCENTS(COALESCE(CAST(city AS STRING), ''))),
                                                                  '\\((THE )?(NETHERLANDS|NEDERLAND|HOLLAND)\\)',
                                                                  ' '
                                                                ),
                                                                '&AMP;',
                                                                ' AND '
                                                              ),
                                                              '&#X0026;',
                                                              ' AND '
                                                            ),
                                                            '&',
                                                            ' AND '
                                                          ),
                                                          '[.\'’]',
                                                          ''
                                                        ),
                                                        '[^A-Z0-9]+',
                                                        ' '
                                                      )
                                                    ) || ' ',
                                                    ' HOGESCHOOL VOOR DE KUNSTEN ',
                                                    ' UNIVERSITY OF THE ARTS '
                                                  ),
                                                  ' ACADEMISCH MEDISCH CENTRUM ',
                                                  ' ACADEMIC MEDICAL CENTER '
                                                ),
                                                ' ACADEMISCH ZIEKENHUIS ',
                                                ' UNIVERSITY MEDICAL CENTER '
                                              ),
                                              ' UNIVERSITAIR MEDISCH CENTRUM ',
                                              ' UNIVERSITY MEDICAL CENTER '
                                            ),
                                            ' UNIVERSITY MEDICAL CENTRE ',
                                            ' UNIVERSITY MEDICAL CENTER '
                                          ),
                                          ' UNIVERSITAIR MEDISCHE CENTRA ',
                                          ' UNIVERSITY MEDICAL CENTER '
                                        ),
                                        ' TOEGEPAST NATUURWETENSCHAPPELIJK ONDERZOEK ',
                                        ' APPLIED SCIENTIFIC RESEARCH '
                                      ),
                                      ' UNIVERSITY OF APPLIED SCIENCES ',
                                      ' HOGESCHOOL '
                                    ),
                                    'HOGESCHOOL',
                                    ' HOGESCHOOL '
                                  ),
                                  'UNIVERSITEIT',
                                  ' UNIVERSITEIT '
                                ),
                                'ZIEKENHUIS',
                                ' ZIEKENHUIS '
                              ),
                              ' RIJKSINSTITUUT ',
                              ' RIJKS INSTITUUT '
                            ),
                            ' +',
                            ' '
                          )
                        ),
                        CONCAT('\\Q', ' ', '\\E')
                      ),
                      t -> COALESCE(
                        LIST_EXTRACT(
                          MAP_EXTRACT(
                            MAP STRUCT(
                              'UNIVERSITY' AS UNIVERSITEIT,
                              'UNIVERSITY' AS UNIVERSITAT,
                              'UNIVERSITY' AS UNIVERSITAET,
                              'UNIVERSITY' AS UNIVERSITE,
                              'UNIVERSITY' AS UNIVERSIDAD,
                              'UNIVERSITY' AS UNIVERSITA,
                              'UNIVERSITY' AS UNIV,
                              '' AS RIJKS,
                              'TECHNOLOGY' AS TECHNISCHE,
                              'TECHNOLOGY' AS TECH,
                              'TECHNOLOGY' AS TECHNOLOGICAL,
                              'CENTER' AS CENTRE,
                              'CENTER' AS CENTRUM,
                              'CENTER' AS CTR,
                              'MEDICAL' AS MEDISCH,
                              'MEDICAL' AS MEDISCHE,
                              'HOSPITAL' AS ZIEKENHUIS,
                              'HOSPITAL' AS ZIEKENHUIZEN,
                              'HOSPITAL' AS HOSPITALS,
                              'HOSPITAL' AS GASTHUIS,
                              'INSTITUTE' AS INSTITUUT,
                              'INSTITUTE' AS INSTITUT,
                              'INSTITUTE' AS INST,
                              'NETHERLANDS' AS NEDERLANDS,
                              'NETHERLANDS' AS NEDERLANDSE,
                              'NETHERLANDS' AS NEDERLAND,
                              'NETHERLANDS' AS DUTCH,
                              'ORGANISATION' AS ORGANISATIE,
                              'ORGANISATION' AS ORGANIZATION,
                              'RESEARCH' AS ONDERZOEK,
                              'LABORATORY' AS LABORATORIUM,
                              'LABORATORY' AS LAB,
                              'CANCER' AS KANKER,
                              'ASSOCIATION' AS VERENIGING,
                              'MUNICIPALITY' AS GEMEENTE,
                              'PROVINCE' AS PROVINCIE,
                              'CATHOLIC' AS KATHOLIEKE,
                              'VRIJE' AS VU,
                              'UNIVERSITY MEDICAL CENTER' AS UMC,
                              'MEDICAL CENTER' AS MC,
                              'ARTS' AS KUNSTEN,
                              'MINISTRY' AS MINISTERIE,
                              'AFFAIRS' AS ZAKEN,
                              'ECONOMIC' AS ECONOMISCHE,
                              'EDUCATION' AS ONDERWIJS,
                              'CULTURE' AS CULTUUR,
                              'SCIENCE' AS WETENSCHAP,
                              'HEALTH' AS VOLKSGEZONDHEID,
                              'WELFARE' AS WELZIJN,
                              'INTERIOR' AS BINNENLANDSE,
                              'KINGDOM RELATIONS' AS KONINKRIJKSRELATIES,
                              'SECURITY' AS VEILIGHEID,
                              'JUSTICE' AS JUSTITIE,
                              'INFRASTRUCTURE' AS INFRASTRUCTUUR,
                              'ENVIRONMENT' AS MILIEU,
                              'ROYAL' AS KONINKLIJK,
                              'ROYAL' AS KONINKLIJKE,
                              'METEOROLOGICAL' AS METEOROLOGISCH,
                              'TROPICAL' AS TROPEN,
                              'FINANCE' AS FINANCIEN,
                              'SCIENTIFIC' AS WETENSCHAPPELIJK,
                              'SCIENTIFIC' AS WETENSCHAPPELIJKE,
                              'STANDARDIZATION' AS NORMALISATIE,
                              'STANDARDIZATION' AS STANDARDISATION,
                              'ENERGY RESEARCH' AS ENERGIEONDERZOEK,
                              'GERMAN' AS DUITS,
                              'GERMAN' AS DUITSE,
                              'WIND TUNNELS' AS WINDTUNNELS,
                              'WIND TUNNEL' AS WINDTUNNEL,
                              'HUMANISTIC STUDIES' AS HUMANISTIEK
                            ),
                            t
                          ),
                          1
                        ),
                        t
                      )
                    ),
                    ' '
                  ),
                  CONCAT('\\Q', ' ', '\\E')
                ),
                t -> t <> ''
                AND NOT t IN (
                  'AB',
                  'AG',
                  'AND',
                  'APS',
                  'AS',
                  'AT',
                  'BA',
                  'BV',
                  'CO',
                  'COMPANY',
                  'CORP',
                  'CV',
                  'DE',
                  'DEL',
                  'DEN',
                  'DER',
                  'DES',
                  'DI',
                  'DU',
                  'EN',
                  'ET',
                  'FOR',
                  'FOUNDATION',
                  'FUR',
                  'GMBH',
                  'HET',
                  'HOLDING',
                  'IN',
                  'INC',
                  'KG',
                  'LA',
                  'LE',
                  'LES',
                  'LIMITED',
                  'LLC',
                  'LTD',
                  'NV',
                  'OF',
                  'OY',
                  'PLC',
                  'S',
                  'SA',
                  'SAS',
                  'SL',
                  'SPA',
                  'SRL',
                  'STICHTING',
                  'TE',
                  'THE',
                  'UA',
                  'UND',
                  'VAN',
                  'VOF',
                  'VOOR'
                )
              ),
              ' '
            ),
            '(.) NETHERLANDS$',
            '\\1'
          ),
          CONCAT('\\Q', ' ', '\\E')
        ),
        t -> t <> ''
      ),
      FILTER(
        SPLIT(
          REGEXP_REPLACE(
            ARRAY_JOIN(
              FILTER(
                SPLIT(
                  ARRAY_JOIN(
                    TRANSFORM(
                      SPLIT(
                        TRIM(
                          REGEXP_REPLACE(
                            REPLACE(
                              REPLACE(
                                REPLACE(
                                  REPLACE(
                                    REPLACE(
                                      REPLACE(
                                        REPLACE(
                                          REPLACE(
                                            REPLACE(
                                              REPLACE(
                                                REPLACE(
                                                  REPLACE(
                                                    ' ' || TRIM(
                                                      REGEXP_REPLACE(
                                                        REGEXP_REPLACE(
                                                          REPLACE(
                                                            REPLACE(
                                                              REPLACE(
                                                                REGEXP_REPLACE(
                                                                  UPPER(STRIP_ACCENTS(COALESCE(CAST(municipality AS STRING), ''))),
                                                                  '\\((THE )?(NETHERLANDS|NEDERLAND|HOLLAND)\\)',
                                                                  ' '
                                                                ),
                                                                '&AMP;',
                                                                ' AND '
                                                              ),
                                                              '&#X0026;',
                                                              ' AND '
                                                            ),
                                                            '&',
                                                            ' AND '
                                                          ),
                                                          '[.\'’]',
                                                          ''
                                                        ),
                                                        '[^A-Z0-9]+',
                                                        ' '
                                                      )
                                                    ) || ' ',
                                                    ' HOGESCHOOL VOOR DE KUNSTEN ',
                                                    ' UNIVERSITY OF THE ARTS '
                                                  ),
                                                  ' ACADEMISCH MEDISCH CENTRUM ',
                                                  ' ACADEMIC MEDICAL CENTER '
                                                ),
                                                ' ACADEMISCH ZIEKENHUIS ',
                                                ' UNIVERSITY MEDICAL CENTER '
                                              ),
                                              ' UNIVERSITAIR MEDISCH CENTRUM ',
                                              ' UNIVERSITY MEDICAL CENTER '
                                            ),
                                            ' UNIVERSITY MEDICAL CENTRE ',
                                            ' UNIVERSITY MEDICAL CENTER '
                                          ),
                                          ' UNIVERSITAIR MEDISCHE CENTRA ',
                                          ' UNIVERSITY MEDICAL CENTER '
                                        ),
                                        ' TOEGEPAST NATUURWETENSCHAPPELIJK ONDERZOEK ',
                                        ' APPLIED SCIENTIFIC RESEARCH '
                                      ),
                                      ' UNIVERSITY OF APPLIED SCIENCES ',
                                      ' HOGESCHOOL '
                                    ),
                                    'HOGESCHOOL',
                                    ' HOGESCHOOL '
                                  ),
                                  'UNIVERSITEIT',
                                  ' UNIVERSITEIT '
                                ),
                                'ZIEKENHUIS',
                                ' ZIEKENHUIS '
                              ),
                              ' RIJKSINSTITUUT ',
                              ' RIJKS INSTITUUT '
                            ),
                            ' +',
                            ' '
                          )
                        ),
                        CONCAT('\\Q', ' ', '\\E')
                      ),
                      t -> COALESCE(
                        LIST_EXTRACT(
                          MAP_EXTRACT(
                            MAP STRUCT(
                              'UNIVERSITY' AS UNIVERSITEIT,
                              'UNIVERSITY' AS UNIVERSITAT,
                              'UNIVERSITY' AS UNIVERSITAET,
                              'UNIVERSITY' AS UNIVERSITE,
                              'UNIVERSITY' AS UNIVERSIDAD,
                              'UNIVERSITY' AS UNIVERSITA,
                              'UNIVERSITY' AS UNIV,
                              '' AS RIJKS,
                              'TECHNOLOGY' AS TECHNISCHE,
                              'TECHNOLOGY' AS TECH,
                              'TECHNOLOGY' AS TECHNOLOGICAL,
                              'CENTER' AS CENTRE,
                              'CENTER' AS CENTRUM,
                              'CENTER' AS CTR,
                              'MEDICAL' AS MEDISCH,
                              'MEDICAL' AS MEDISCHE,
                              'HOSPITAL' AS ZIEKENHUIS,
                              'HOSPITAL' AS ZIEKENHUIZEN,
                              'HOSPITAL' AS HOSPITALS,
                              'HOSPITAL' AS GASTHUIS,
                              'INSTITUTE' AS INSTITUUT,
                              'INSTITUTE' AS INSTITUT,
                              'INSTITUTE' AS INST,
                              'NETHERLANDS' AS NEDERLANDS,
                              'NETHERLANDS' AS NEDERLANDSE,
                              'NETHERLANDS' AS NEDERLAND,
                              'NETHERLANDS' AS DUTCH,
                              'ORGANISATION' AS ORGANISATIE,
                              'ORGANISATION' AS ORGANIZATION,
                              'RESEARCH' AS ONDERZOEK,
                              'LABORATORY' AS LABORATORIUM,
                              'LABORATORY' AS LAB,
                              'CANCER' AS KANKER,
                              'ASSOCIATION' AS VERENIGING,
                              'MUNICIPALITY' AS GEMEENTE,
                              'PROVINCE' AS PROVINCIE,
                              'CATHOLIC' AS KATHOLIEKE,
                              'VRIJE' AS VU,
                              'UNIVERSITY MEDICAL CENTER' AS UMC,
                              'MEDICAL CENTER' AS MC,
                              'ARTS' AS KUNSTEN,
                              'MINISTRY' AS MINISTERIE,
                              'AFFAIRS' AS ZAKEN,
                              'ECONOMIC' AS ECONOMISCHE,
                              'EDUCATION' AS ONDERWIJS,
                              'CULTURE' AS CULTUUR,
                              'SCIENCE' AS WETENSCHAP,
                              'HEALTH' AS VOLKSGEZONDHEID,
                              'WELFARE' AS WELZIJN,
                              'INTERIOR' AS BINNENLANDSE,
                              'KINGDOM RELATIONS' AS KONINKRIJKSRELATIES,
                              'SECURITY' AS VEILIGHEID,
                              'JUSTICE' AS JUSTITIE,
                              'INFRASTRUCTURE' AS INFRASTRUCTUUR,
                              'ENVIRONMENT' AS MILIEU,
                              'ROYAL' AS KONINKLIJK,
                              'ROYAL' AS KONINKLIJKE,
                              'METEOROLOGICAL' AS METEOROLOGISCH,
                              'TROPICAL' AS TROPEN,
                              'FINANCE' AS FINANCIEN,
                              'SCIENTIFIC' AS WETENSCHAPPELIJK,
                              'SCIENTIFIC' AS WETENSCHAPPELIJKE,
                              'STANDARDIZATION' AS NORMALISATIE,
                              'STANDARDIZATION' AS STANDARDISATION,
                              'ENERGY RESEARCH' AS ENERGIEONDERZOEK,
                              'GERMAN' AS DUITS,
                              'GERMAN' AS DUITSE,
                              'WIND TUNNELS' AS WINDTUNNELS,
                              'WIND TUNNEL' AS WINDTUNNEL,
                              'HUMANISTIC STUDIES' AS HUMANISTIEK
                            ),
                            t
                          ),
                          1
                        ),
                        t
                      )
                    ),
                    ' '
                  ),
                  CONCAT('\\Q', ' ', '\\E')
                ),
                t -> t <> ''
                AND NOT t IN (
                  'AB',
                  'AG',
                  'AND',
                  'APS',
                  'AS',
                  'AT',
                  'BA',
                  'BV',
                  'CO',
                  'COMPANY',
                  'CORP',
                  'CV',
                  'DE',
                  'DEL',
                  'DEN',
                  'DER',
                  'DES',
                  'DI',
                  'DU',
                  'EN',
                  'ET',
                  'FOR',
                  'FOUNDATION',
                  'FUR',
                  'GMBH',
                  'HET',
                  'HOLDING',
                  'IN',
                  'INC',
                  'KG',
                  'LA',
                  'LE',
                  'LES',
                  'LIMITED',
                  'LLC',
                  'LTD',
                  'NV',
                  'OF',
                  'OY',
                  'PLC',
                  'S',
                  'SA',
                  'SAS',
                  'SL',
                  'SPA',
                  'SRL',
                  'STICHTING',
                  'TE',
                  'THE',
                  'UA',
                  'UND',
                  'VAN',
                  'VOF',
                  'VOOR'
                )
              ),
              ' '
            ),
            '(.) NETHERLANDS$',
            '\\1'
          ),
          CONCAT('\\Q', ' ', '\\E')
        ),
        t -> t <> ''
      )
    ) AS city_toks
  FROM n
), v AS (
  /* a name that normalises to one word counts only when it is one word ('TNO', 'Nikhef'), not */
  /* when stop words left one ('Dutch Foundation for Literature' -> 'LITERATURE') */
  SELECT
    ror_id,
    country_code,
    toks
  FROM t
  WHERE
    LENGTH(toks) >= 2 OR words = 1
  /* without the city words, when a distinctive word remains ('Erasmus University [Rotterdam]') */
  UNION
  SELECT
    ror_id,
    country_code,
    FILTER(toks, x -> NOT ARRAY_CONTAINS(city_toks, x))
  FROM t
  WHERE
    LENGTH(
      FILTER(
        toks,
        x -> NOT ARRAY_CONTAINS(city_toks, x)
        AND NOT x IN (
          'ACADEMY',
          'APPLIED',
          'ASSOCIATION',
          'CATHOLIC',
          'CENTER',
          'COLLEGE',
          'EUROPEAN',
          'GROUP',
          'HEALTH',
          'HOGESCHOOL',
          'HOSPITAL',
          'INSTITUTE',
          'INTERNATIONAL',
          'LABORATORY',
          'MEDICAL',
          'MINISTRY',
          'MUNICIPALITY',
          'NATIONAL',
          'ORGANISATION',
          'PROVINCE',
          'RESEARCH',
          'ROYAL',
          'SCHOOL',
          'SCIENCE',
          'SCIENCES',
          'TECHNOLOGY',
          'UNIVERSITY'
        )
      )
    ) >= 1
    AND LENGTH(FILTER(toks, x -> NOT ARRAY_CONTAINS(city_toks, x))) >= 2
)
SELECT DISTINCT
  v.ror_id,
  v.country_code,
  ARRAY_JOIN(ARRAY_SORT(v.toks), ' '),
  ARRAY_JOIN(v.toks, ' '),
  CONCAT(
    FILTER(
      SPLIT(
        REGEXP_REPLACE(
          ARRAY_JOIN(
            FILTER(
              SPLIT(
                ARRAY_JOIN(
                  TRANSFORM(
                    SPLIT(
                      TRIM(
                        REGEXP_REPLACE(
                          REPLACE(
                            REPLACE(
                              REPLACE(
                                REPLACE(
                                  REPLACE(
                                    REPLACE(
                                      REPLACE(
                                        REPLACE(
                                          REPLACE(
                                            REPLACE(
                                              REPLACE(
                                                REPLACE(
                                                  ' ' || TRIM(
                                                    REGEXP_REPLACE(
                                                      REGEXP_REPLACE(
                                                        REPLACE(
                                                          REPLACE(
                                                            REPLACE(
                                                              REGEXP_REPLACE(
                                                                UPPER(STRIP_ACCENTS(COALESCE(CAST(r.city AS STRING), ''))),
                                                                '\\((THE )?(NETHERLANDS|NEDERLAND|HOLLAND)\\)',
                                                                ' '
                                                              ),
                                                              '&AMP;',
                                                              ' AND '
                                                            ),
                                                            '&#X0026;',
                                                            ' AND '
                                                          ),
                                                          '&',
                                                          ' AND '
                                                        ),
                                                        '[.\'’]',
                                                        ''
                                                      ),
                                                      '[^A-Z0-9]+',
                                                      ' '
                                                    )
                                                  ) || ' ',
                                                  ' HOGESCHOOL VOOR DE KUNSTEN ',
                                                  ' UNIVERSITY OF THE ARTS '
                                                ),
                                                ' ACADEMISCH MEDISCH CENTRUM ',
                                                ' ACADEMIC MEDICAL CENTER '
                                              ),
                                              ' ACADEMISCH ZIEKENHUIS ',
                                              ' UNIVERSITY MEDICAL CENTER '
                                            ),
                                            ' UNIVERSITAIR MEDISCH CENTRUM ',
                                            ' UNIVERSITY MEDICAL CENTER '
                                          ),
                                          ' UNIVERSITY MEDICAL CENTRE ',
                                          ' UNIVERSITY MEDICAL CENTER '
                                        ),
                                        ' UNIVERSITAIR MEDISCHE CENTRA ',
                                        ' UNIVERSITY MEDICAL CENTER '
                                      ),
                                      ' TOEGEPAST NATUURWETENSCHAPPELIJK ONDERZOEK ',
                                      ' APPLIED SCIENTIFIC RESEARCH '
                                    ),
                                    ' UNIVERSITY OF APPLIED SCIENCES ',
                                    ' HOGESCHOOL '
                                  ),
                                  'HOGESCHOOL',
                                  ' HOGESCHOOL '
                                ),
                                'UNIVERSITEIT',
                                ' UNIVERSITEIT '
                              ),
                              'ZIEKENHUIS',
                              ' ZIEKENHUIS '
                            ),
                            ' RIJKSINSTITUUT ',
                            ' RIJKS INSTITUUT '
                          ),
                          ' +',
                          ' '
                        )
                      ),
                      CONCAT('\\Q', ' ', '\\E')
                    ),
                    t -> COALESCE(
                      LIST_EXTRACT(
                        MAP_EXTRACT(
                          MAP STRUCT(
                            'UNIVERSITY' AS UNIVERSITEIT,
                            'UNIVERSITY' AS UNIVERSITAT,
                            'UNIVERSITY' AS UNIVERSITAET,
                            'UNIVERSITY' AS UNIVERSITE,
                            'UNIVERSITY' AS UNIVERSIDAD,
                            'UNIVERSITY' AS UNIVERSITA,
                            'UNIVERSITY' AS UNIV,
                            '' AS RIJKS,
                            'TECHNOLOGY' AS TECHNISCHE,
                            'TECHNOLOGY' AS TECH,
                            'TECHNOLOGY' AS TECHNOLOGICAL,
                            'CENTER' AS CENTRE,
                            'CENTER' AS CENTRUM,
                            'CENTER' AS CTR,
                            'MEDICAL' AS MEDISCH,
                            'MEDICAL' AS MEDISCHE,
                            'HOSPITAL' AS ZIEKENHUIS,
                            'HOSPITAL' AS ZIEKENHUIZEN,
                            'HOSPITAL' AS HOSPITALS,
                            'HOSPITAL' AS GASTHUIS,
                            'INSTITUTE' AS INSTITUUT,
                            'INSTITUTE' AS INSTITUT,
                            'INSTITUTE' AS INST,
                            'NETHERLANDS' AS NEDERLANDS,
                            'NETHERLANDS' AS NEDERLANDSE,
                            'NETHERLANDS' AS NEDERLAND,
                            'NETHERLANDS' AS DUTCH,
                            'ORGANISATION' AS ORGANISATIE,
                            'ORGANISATION' AS ORGANIZATION,
                            'RESEARCH' AS ONDERZOEK,
                            'LABORATORY' AS LABORATORIUM,
                            'LABORATORY' AS LAB,
                            'CANCER' AS KANKER,
                            'ASSOCIATION' AS VERENIGING,
                            'MUNICIPALITY' AS GEMEENTE,
                            'PROVINCE' AS PROVINCIE,
                            'CATHOLIC' AS KATHOLIEKE,
                            'VRIJE' AS VU,
                            'UNIVERSITY MEDICAL CENTER' AS UMC,
                            'MEDICAL CENTER' AS MC,
                            'ARTS' AS KUNSTEN,
                            'MINISTRY' AS MINISTERIE,
                            'AFFAIRS' AS ZAKEN,
                            'ECONOMIC' AS ECONOMISCHE,
                            'EDUCATION' AS ONDERWIJS,
                            'CULTURE' AS CULTUUR,
                            'SCIENCE' AS WETENSCHAP,
                            'HEALTH' AS VOLKSGEZONDHEID,
                            'WELFARE' AS WELZIJN,
                            'INTERIOR' AS BINNENLANDSE,
                            'KINGDOM RELATIONS' AS KONINKRIJKSRELATIES,
                            'SECURITY' AS VEILIGHEID,
                            'JUSTICE' AS JUSTITIE,
                            'INFRASTRUCTURE' AS INFRASTRUCTUUR,
                            'ENVIRONMENT' AS MILIEU,
                            'ROYAL' AS KONINKLIJK,
                            'ROYAL' AS KONINKLIJKE,
                            'METEOROLOGICAL' AS METEOROLOGISCH,
                            'TROPICAL' AS TROPEN,
                            'FINANCE' AS FINANCIEN,
                            'SCIENTIFIC' AS WETENSCHAPPELIJK,
                            'SCIENTIFIC' AS WETENSCHAPPELIJKE,
                            'STANDARDIZATION' AS NORMALISATIE,
                            'STANDARDIZATION' AS STANDARDISATION,
                            'ENERGY RESEARCH' AS ENERGIEONDERZOEK,
                            'GERMAN' AS DUITS,
                            'GERMAN' AS DUITSE,
                            'WIND TUNNELS' AS WINDTUNNELS,
                            'WIND TUNNEL' AS WINDTUNNEL,
                            'HUMANISTIC STUDIES' AS HUMANISTIEK
                          ),
                          t
                        ),
                        1
                      ),
                      t
                    )
                  ),
                  ' '
                ),
                CONCAT('\\Q', ' ', '\\E')
              ),
              t -> t <> ''
              AND NOT t IN (
                'AB',
                'AG',
                'AND',
                'APS',
                'AS',
                'AT',
                'BA',
                'BV',
                'CO',
                'COMPANY',
                'CORP',
                'CV',
                'DE',
                'DEL',
                'DEN',
                'DER',
                'DES',
                'DI',
                'DU',
                'EN',
                'ET',
                'FOR',
                'FOUNDATION',
                'FUR',
                'GMBH',
                'HET',
                'HOLDING',
                'IN',
                'INC',
                'KG',
                'LA',
                'LE',
                'LES',
                'LIMITED',
                'LLC',
                'LTD',
                'NV',
                'OF',
                'OY',
                'PLC',
                'S',
                'SA',
                'SAS',
                'SL',
                'SPA',
                'SRL',
                'STICHTING',
                'TE',
                'THE',
                'UA',
                'UND',
                'VAN',
                'VOF',
                'VOOR'
              )
            ),
            ' '
          ),
          '(.) NETHERLANDS$',
          '\\1'
        ),
        CONCAT('\\Q', ' ', '\\E')
      ),
      t -> t <> ''
    ),
    FILTER(
      SPLIT(
        REGEXP_REPLACE(
          ARRAY_JOIN(
            FILTER(
              SPLIT(
                ARRAY_JOIN(
                  TRANSFORM(
                    SPLIT(
                      TRIM(
                        REGEXP_REPLACE(
                          REPLACE(
                            REPLACE(
                              REPLACE(
                                REPLACE(
                                  REPLACE(
                                    REPLACE(
                                      REPLACE(
                                        REPLACE(
                                          REPLACE(
                                            REPLACE(
                                              REPLACE(
                                                REPLACE(
                                                  ' ' || TRIM(
                                                    REGEXP_REPLACE(
                                                      REGEXP_REPLACE(
                                                        REPLACE(
                                                          REPLACE(
                                                            REPLACE(
                                                              REGEXP_REPLACE(
                                                                UPPER(STRIP_ACCENTS(COALESCE(CAST(r.municipality AS STRING), ''))),
                                                                '\\((THE )?(NETHERLANDS|NEDERLAND|HOLLAND)\\)',
                                                                ' '
                                                              ),
                                                              '&AMP;',
                                                              ' AND '
                                                            ),
                                                            '&#X0026;',
                                                            ' AND '
                                                          ),
                                                          '&',
                                                          ' AND '
                                                        ),
                                                        '[.\'’]',
                                                        ''
                                                      ),
                                                      '[^A-Z0-9]+',
                                                      ' '
                                                    )
                                                  ) || ' ',
                                                  ' HOGESCHOOL VOOR DE KUNSTEN ',
                                                  ' UNIVERSITY OF THE ARTS '
                                                ),
                                                ' ACADEMISCH MEDISCH CENTRUM ',
                                                ' ACADEMIC MEDICAL CENTER '
                                              ),
                                              ' ACADEMISCH ZIEKENHUIS ',
                                              ' UNIVERSITY MEDICAL CENTER '
                                            ),
                                            ' UNIVERSITAIR MEDISCH CENTRUM ',
                                            ' UNIVERSITY MEDICAL CENTER '
                                          ),
                                          ' UNIVERSITY MEDICAL CENTRE ',
                                          ' UNIVERSITY MEDICAL CENTER '
                                        ),
                                        ' UNIVERSITAIR MEDISCHE CENTRA ',
                                        ' UNIVERSITY MEDICAL CENTER '
                                      ),
                                      ' TOEGEPAST NATUURWETENSCHAPPELIJK ONDERZOEK ',
                                      ' APPLIED SCIENTIFIC RESEARCH '
                                    ),
                                    ' UNIVERSITY OF APPLIED SCIENCES ',
                                    ' HOGESCHOOL '
                                  ),
                                  'HOGESCHOOL',
                                  ' HOGESCHOOL '
                                ),
                                'UNIVERSITEIT',
                                ' UNIVERSITEIT '
                              ),
                              'ZIEKENHUIS',
                              ' ZIEKENHUIS '
                            ),
                            ' RIJKSINSTITUUT ',
                            ' RIJKS INSTITUUT '
                          ),
                          ' +',
                          ' '
                        )
                      ),
                      CONCAT('\\Q', ' ', '\\E')
                    ),
                    t -> COALESCE(
                      LIST_EXTRACT(
                        MAP_EXTRACT(
                          MAP STRUCT(
                            'UNIVERSITY' AS UNIVERSITEIT,
                            'UNIVERSITY' AS UNIVERSITAT,
                            'UNIVERSITY' AS UNIVERSITAET,
                            'UNIVERSITY' AS UNIVERSITE,
                            'UNIVERSITY' AS UNIVERSIDAD,
                            'UNIVERSITY' AS UNIVERSITA,
                            'UNIVERSITY' AS UNIV,
                            '' AS RIJKS,
                            'TECHNOLOGY' AS TECHNISCHE,
                            'TECHNOLOGY' AS TECH,
                            'TECHNOLOGY' AS TECHNOLOGICAL,
                            'CENTER' AS CENTRE,
                            'CENTER' AS CENTRUM,
                            'CENTER' AS CTR,
                            'MEDICAL' AS MEDISCH,
                            'MEDICAL' AS MEDISCHE,
                            'HOSPITAL' AS ZIEKENHUIS,
                            'HOSPITAL' AS ZIEKENHUIZEN,
                            'HOSPITAL' AS HOSPITALS,
                            'HOSPITAL' AS GASTHUIS,
                            'INSTITUTE' AS INSTITUUT,
                            'INSTITUTE' AS INSTITUT,
                            'INSTITUTE' AS INST,
                            'NETHERLANDS' AS NEDERLANDS,
                            'NETHERLANDS' AS NEDERLANDSE,
                            'NETHERLANDS' AS NEDERLAND,
                            'NETHERLANDS' AS DUTCH,
                            'ORGANISATION' AS ORGANISATIE,
                            'ORGANISATION' AS ORGANIZATION,
                            'RESEARCH' AS ONDERZOEK,
                            'LABORATORY' AS LABORATORIUM,
                            'LABORATORY' AS LAB,
                            'CANCER' AS KANKER,
                            'ASSOCIATION' AS VERENIGING,
                            'MUNICIPALITY' AS GEMEENTE,
                            'PROVINCE' AS PROVINCIE,
                            'CATHOLIC' AS KATHOLIEKE,
                            'VRIJE' AS VU,
                            'UNIVERSITY MEDICAL CENTER' AS UMC,
                            'MEDICAL CENTER' AS MC,
                            'ARTS' AS KUNSTEN,
                            'MINISTRY' AS MINISTERIE,
                            'AFFAIRS' AS ZAKEN,
                            'ECONOMIC' AS ECONOMISCHE,
                            'EDUCATION' AS ONDERWIJS,
                            'CULTURE' AS CULTUUR,
                            'SCIENCE' AS WETENSCHAP,
                            'HEALTH' AS VOLKSGEZONDHEID,
                            'WELFARE' AS WELZIJN,
                            'INTERIOR' AS BINNENLANDSE,
                            'KINGDOM RELATIONS' AS KONINKRIJKSRELATIES,
                            'SECURITY' AS VEILIGHEID,
                            'JUSTICE' AS JUSTITIE,
                            'INFRASTRUCTURE' AS INFRASTRUCTUUR,
                            'ENVIRONMENT' AS MILIEU,
                            'ROYAL' AS KONINKLIJK,
                            'ROYAL' AS KONINKLIJKE,
                            'METEOROLOGICAL' AS METEOROLOGISCH,
                            'TROPICAL' AS TROPEN,
                            'FINANCE' AS FINANCIEN,
                            'SCIENTIFIC' AS WETENSCHAPPELIJK,
                            'SCIENTIFIC' AS WETENSCHAPPELIJKE,
                            'STANDARDIZATION' AS NORMALISATIE,
                            'STANDARDIZATION' AS STANDARDISATION,
                            'ENERGY RESEARCH' AS ENERGIEONDERZOEK,
                            'GERMAN' AS DUITS,
                            'GERMAN' AS DUITSE,
                            'WIND TUNNELS' AS WINDTUNNELS,
                            'WIND TUNNEL' AS WINDTUNNEL,
                            'HUMANISTIC STUDIES' AS HUMANISTIEK
                          ),
                          t
                        ),
                        1
                      ),
                      t
                    )
                  ),
                  ' '
                ),
                CONCAT('\\Q', ' ', '\\E')
              ),
              t -> t <> ''
              AND NOT t IN (
                'AB',
                'AG',
                'AND',
                'APS',
                'AS',
                'AT',
                'BA',
                'BV',
                'CO',
                'COMPANY',
                'CORP',
                'CV',
                'DE',
                'DEL',
                'DEN',
                'DER',
                'DES',
                'DI',
                'DU',
                'EN',
                'ET',
                'FOR',
                'FOUNDATION',
                'FUR',
                'GMBH',
                'HET',
                'HOLDING',
                'IN',
                'INC',
                'KG',
                'LA',
                'LE',
                'LES',
                'LIMITED',
                'LLC',
                'LTD',
                'NV',
                'OF',
                'OY',
                'PLC',
                'S',
                'SA',
                'SAS',
                'SL',
                'SPA',
                'SRL',
                'STICHTING',
                'TE',
                'THE',
                'UA',
                'UND',
                'VAN',
                'VOF',
                'VOOR'
              )
            ),
            ' '
          ),
          '(.) NETHERLANDS$',
          '\\1'
        ),
        CONCAT('\\Q', ' ', '\\E')
      ),
      t -> t <> ''
    )
  )
FROM v
JOIN ror_record AS r
  USING (ror_id)
WHERE
  LENGTH(v.toks) >= 1 AND LENGTH(ARRAY_JOIN(v.toks, ' ')) >= 3
