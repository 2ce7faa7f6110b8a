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
    REGEXP_EXTRACT(n.name, '(?i)\blocation\s+(.+)$', 1),
    r.city,
    r.municipality
  FROM ror_name AS n
  JOIN ror_record AS r
    USING (ror_id)
  WHERE
    REGEXP_MATCHES(n.name, '(?i)\blocation\s+\S')
  UNION
  SELECT
    m.right_id,
    r.country_code,
    UNNEST(
      [
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
      ]
    ),
    r.city,
    r.municipality
  FROM org_match AS m
  JOIN organisation AS o
    ON CAST(o.pic AS TEXT) = m.left_id
  JOIN ror_record AS r
    ON r.ror_id = m.right_id
  WHERE
    m.status IN ('matched', 'accepted') AND NOT o.name IS NULL
), t AS (
  SELECT
    ror_id,
    country_code,
    LIST_FILTER(
      STR_SPLIT(
        REGEXP_REPLACE(
          ARRAY_TO_STRING(
            LIST_FILTER(
              STR_SPLIT(
                ARRAY_TO_STRING(
                  LIST_TRANSFORM(
                    STR_SPLIT(
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
                                                                UPPER(STRIP_ACCENTS(COALESCE(CAST(name AS TEXT), ''))),
                                                                '\((THE )?(NETHERLANDS|NEDERLAND|HOLLAND)\)',
                                                                ' ',
                                                                'g'
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
                                                        '[.''’]',
                                                        '',
                                                        'g'
                                                      ),
                                                      '[^A-Z0-9]+',
                                                      ' ',
                                                      'g'
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
                          ' ',
                          'g'
                        )
                      ),
                      ' '
                    ),
                    LAMBDA t : COALESCE(
                      LIST_EXTRACT(
                        MAP_EXTRACT(
                          MAP {'UNIVERSITEIT': 'UNIVERSITY', 'UNIVERSITAT': 'UNIVERSITY', 'UNIVERSITAET': 'UNIVERSITY', 'UNIVERSITE': 'UNIVERSITY', 'UNIVERSIDAD': 'UNIVERSITY', 'UNIVERSITA': 'UNIVERSITY', 'UNIV': 'UNIVERSITY', 'RIJKS': '', 'TECHNISCHE': 'TECHNOLOGY', 'TECH': 'TECHNOLOGY', 'TECHNOLOGICAL': 'TECHNOLOGY', 'CENTRE': 'CENTER', 'CENTRUM': 'CENTER', 'CTR': 'CENTER', 'MEDISCH': 'MEDICAL', 'MEDISCHE': 'MEDICAL', 'ZIEKENHUIS': 'HOSPITAL', 'ZIEKENHUIZEN': 'HOSPITAL', 'HOSPITALS': 'HOSPITAL', 'GASTHUIS': 'HOSPITAL', 'INSTITUUT': 'INSTITUTE', 'INSTITUT': 'INSTITUTE', 'INST': 'INSTITUTE', 'NEDERLANDS': 'NETHERLANDS', 'NEDERLANDSE': 'NETHERLANDS', 'NEDERLAND': 'NETHERLANDS', 'DUTCH': 'NETHERLANDS', 'ORGANISATIE': 'ORGANISATION', 'ORGANIZATION': 'ORGANISATION', 'ONDERZOEK': 'RESEARCH', 'LABORATORIUM': 'LABORATORY', 'LAB': 'LABORATORY', 'KANKER': 'CANCER', 'VERENIGING': 'ASSOCIATION', 'GEMEENTE': 'MUNICIPALITY', 'PROVINCIE': 'PROVINCE', 'KATHOLIEKE': 'CATHOLIC', 'VU': 'VRIJE', 'UMC': 'UNIVERSITY MEDICAL CENTER', 'MC': 'MEDICAL CENTER', 'KUNSTEN': 'ARTS', 'MINISTERIE': 'MINISTRY', 'ZAKEN': 'AFFAIRS', 'ECONOMISCHE': 'ECONOMIC', 'ONDERWIJS': 'EDUCATION', 'CULTUUR': 'CULTURE', 'WETENSCHAP': 'SCIENCE', 'VOLKSGEZONDHEID': 'HEALTH', 'WELZIJN': 'WELFARE', 'BINNENLANDSE': 'INTERIOR', 'KONINKRIJKSRELATIES': 'KINGDOM RELATIONS', 'VEILIGHEID': 'SECURITY', 'JUSTITIE': 'JUSTICE', 'INFRASTRUCTUUR': 'INFRASTRUCTURE', 'MILIEU': 'ENVIRONMENT', 'KONINKLIJK': 'ROYAL', 'KONINKLIJKE': 'ROYAL', 'METEOROLOGISCH': 'METEOROLOGICAL', 'TROPEN': 'TROPICAL', 'FINANCIEN': 'FINANCE', 'WETENSCHAPPELIJK': 'SCIENTIFIC', 'WETENSCHAPPELIJKE': 'SCIENTIFIC', 'NORMALISATIE': 'STANDARDIZATION', 'STANDARDISATION': 'STANDARDIZATION', 'ENERGIEONDERZOEK': 'ENERGY RESEARCH', 'DUITS': 'GERMAN', 'DUITSE': 'GERMAN', 'WINDTUNNELS': 'WIND TUNNELS', 'WINDTUNNEL': 'WIND TUNNEL', 'HUMANISTIEK': 'HUMANISTIC STUDIES'},
                          t
                        ),
                        1
                      ),
                      t
                    )
                  ),
                  ' '
                ),
                ' '
              ),
              LAMBDA t : t <> ''
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
          '\1'
        ),
        ' '
      ),
      LAMBDA t : t <> ''
    ) AS toks,
    LENGTH(STR_SPLIT(TRIM(REGEXP_REPLACE(name, '\(.*\)', '')), ' ')) AS words,
    LIST_CONCAT(
      LIST_FILTER(
        STR_SPLIT(
          REGEXP_REPLACE(
            ARRAY_TO_STRING(
              LIST_FILTER(
                STR_SPLIT(
                  ARRAY_TO_STRING(
                    LIST_TRANSFORM(
                      STR_SPLIT(
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
                                                                  UPPER(STRIP_ACCENTS(COALESCE(CAST(city AS TEXT), ''))),
                                                                  '\((THE )?(NETHERLANDS|NEDERLAND|HOLLAND)\)',
                                                                  ' ',
                                                                  'g'
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
                                                          '[.''’]',
                                                          '',
                                                          'g'
                                                        ),
                                                        '[^A-Z0-9]+',
                                                        ' ',
                                                        'g'
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
                            ' ',
                            'g'
                          )
                        ),
                        ' '
                      ),
                      LAMBDA t : COALESCE(
                        LIST_EXTRACT(
                          MAP_EXTRACT(
                            MAP {'UNIVERSITEIT': 'UNIVERSITY', 'UNIVERSITAT': 'UNIVERSITY', 'UNIVERSITAET': 'UNIVERSITY', 'UNIVERSITE': 'UNIVERSITY', 'UNIVERSIDAD': 'UNIVERSITY', 'UNIVERSITA': 'UNIVERSITY', 'UNIV': 'UNIVERSITY', 'RIJKS': '', 'TECHNISCHE': 'TECHNOLOGY', 'TECH': 'TECHNOLOGY', 'TECHNOLOGICAL': 'TECHNOLOGY', 'CENTRE': 'CENTER', 'CENTRUM': 'CENTER', 'CTR': 'CENTER', 'MEDISCH': 'MEDICAL', 'MEDISCHE': 'MEDICAL', 'ZIEKENHUIS': 'HOSPITAL', 'ZIEKENHUIZEN': 'HOSPITAL', 'HOSPITALS': 'HOSPITAL', 'GASTHUIS': 'HOSPITAL', 'INSTITUUT': 'INSTITUTE', 'INSTITUT': 'INSTITUTE', 'INST': 'INSTITUTE', 'NEDERLANDS': 'NETHERLANDS', 'NEDERLANDSE': 'NETHERLANDS', 'NEDERLAND': 'NETHERLANDS', 'DUTCH': 'NETHERLANDS', 'ORGANISATIE': 'ORGANISATION', 'ORGANIZATION': 'ORGANISATION', 'ONDERZOEK': 'RESEARCH', 'LABORATORIUM': 'LABORATORY', 'LAB': 'LABORATORY', 'KANKER': 'CANCER', 'VERENIGING': 'ASSOCIATION', 'GEMEENTE': 'MUNICIPALITY', 'PROVINCIE': 'PROVINCE', 'KATHOLIEKE': 'CATHOLIC', 'VU': 'VRIJE', 'UMC': 'UNIVERSITY MEDICAL CENTER', 'MC': 'MEDICAL CENTER', 'KUNSTEN': 'ARTS', 'MINISTERIE': 'MINISTRY', 'ZAKEN': 'AFFAIRS', 'ECONOMISCHE': 'ECONOMIC', 'ONDERWIJS': 'EDUCATION', 'CULTUUR': 'CULTURE', 'WETENSCHAP': 'SCIENCE', 'VOLKSGEZONDHEID': 'HEALTH', 'WELZIJN': 'WELFARE', 'BINNENLANDSE': 'INTERIOR', 'KONINKRIJKSRELATIES': 'KINGDOM RELATIONS', 'VEILIGHEID': 'SECURITY', 'JUSTITIE': 'JUSTICE', 'INFRASTRUCTUUR': 'INFRASTRUCTURE', 'MILIEU': 'ENVIRONMENT', 'KONINKLIJK': 'ROYAL', 'KONINKLIJKE': 'ROYAL', 'METEOROLOGISCH': 'METEOROLOGICAL', 'TROPEN': 'TROPICAL', 'FINANCIEN': 'FINANCE', 'WETENSCHAPPELIJK': 'SCIENTIFIC', 'WETENSCHAPPELIJKE': 'SCIENTIFIC', 'NORMALISATIE': 'STANDARDIZATION', 'STANDARDISATION': 'STANDARDIZATION', 'ENERGIEONDERZOEK': 'ENERGY RESEARCH', 'DUITS': 'GERMAN', 'DUITSE': 'GERMAN', 'WINDTUNNELS': 'WIND TUNNELS', 'WINDTUNNEL': 'WIND TUNNEL', 'HUMANISTIEK': 'HUMANISTIC STUDIES'},
                            t
                          ),
                          1
                        ),
                        t
                      )
                    ),
                    ' '
                  ),
                  ' '
                ),
                LAMBDA t : t <> ''
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
            '\1'
          ),
          ' '
        ),
        LAMBDA t : t <> ''
      ),
      LIST_FILTER(
        STR_SPLIT(
          REGEXP_REPLACE(
            ARRAY_TO_STRING(
              LIST_FILTER(
                STR_SPLIT(
                  ARRAY_TO_STRING(
                    LIST_TRANSFORM(
                      STR_SPLIT(
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
                                                                  UPPER(STRIP_ACCENTS(COALESCE(CAST(municipality AS TEXT), ''))),
                                                                  '\((THE )?(NETHERLANDS|NEDERLAND|HOLLAND)\)',
                                                                  ' ',
                                                                  'g'
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
                                                          '[.''’]',
                                                          '',
                                                          'g'
                                                        ),
                                                        '[^A-Z0-9]+',
                                                        ' ',
                                                        'g'
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
                            ' ',
                            'g'
                          )
                        ),
                        ' '
                      ),
                      LAMBDA t : COALESCE(
                        LIST_EXTRACT(
                          MAP_EXTRACT(
                            MAP {'UNIVERSITEIT': 'UNIVERSITY', 'UNIVERSITAT': 'UNIVERSITY', 'UNIVERSITAET': 'UNIVERSITY', 'UNIVERSITE': 'UNIVERSITY', 'UNIVERSIDAD': 'UNIVERSITY', 'UNIVERSITA': 'UNIVERSITY', 'UNIV': 'UNIVERSITY', 'RIJKS': '', 'TECHNISCHE': 'TECHNOLOGY', 'TECH': 'TECHNOLOGY', 'TECHNOLOGICAL': 'TECHNOLOGY', 'CENTRE': 'CENTER', 'CENTRUM': 'CENTER', 'CTR': 'CENTER', 'MEDISCH': 'MEDICAL', 'MEDISCHE': 'MEDICAL', 'ZIEKENHUIS': 'HOSPITAL', 'ZIEKENHUIZEN': 'HOSPITAL', 'HOSPITALS': 'HOSPITAL', 'GASTHUIS': 'HOSPITAL', 'INSTITUUT': 'INSTITUTE', 'INSTITUT': 'INSTITUTE', 'INST': 'INSTITUTE', 'NEDERLANDS': 'NETHERLANDS', 'NEDERLANDSE': 'NETHERLANDS', 'NEDERLAND': 'NETHERLANDS', 'DUTCH': 'NETHERLANDS', 'ORGANISATIE': 'ORGANISATION', 'ORGANIZATION': 'ORGANISATION', 'ONDERZOEK': 'RESEARCH', 'LABORATORIUM': 'LABORATORY', 'LAB': 'LABORATORY', 'KANKER': 'CANCER', 'VERENIGING': 'ASSOCIATION', 'GEMEENTE': 'MUNICIPALITY', 'PROVINCIE': 'PROVINCE', 'KATHOLIEKE': 'CATHOLIC', 'VU': 'VRIJE', 'UMC': 'UNIVERSITY MEDICAL CENTER', 'MC': 'MEDICAL CENTER', 'KUNSTEN': 'ARTS', 'MINISTERIE': 'MINISTRY', 'ZAKEN': 'AFFAIRS', 'ECONOMISCHE': 'ECONOMIC', 'ONDERWIJS': 'EDUCATION', 'CULTUUR': 'CULTURE', 'WETENSCHAP': 'SCIENCE', 'VOLKSGEZONDHEID': 'HEALTH', 'WELZIJN': 'WELFARE', 'BINNENLANDSE': 'INTERIOR', 'KONINKRIJKSRELATIES': 'KINGDOM RELATIONS', 'VEILIGHEID': 'SECURITY', 'JUSTITIE': 'JUSTICE', 'INFRASTRUCTUUR': 'INFRASTRUCTURE', 'MILIEU': 'ENVIRONMENT', 'KONINKLIJK': 'ROYAL', 'KONINKLIJKE': 'ROYAL', 'METEOROLOGISCH': 'METEOROLOGICAL', 'TROPEN': 'TROPICAL', 'FINANCIEN': 'FINANCE', 'WETENSCHAPPELIJK': 'SCIENTIFIC', 'WETENSCHAPPELIJKE': 'SCIENTIFIC', 'NORMALISATIE': 'STANDARDIZATION', 'STANDARDISATION': 'STANDARDIZATION', 'ENERGIEONDERZOEK': 'ENERGY RESEARCH', 'DUITS': 'GERMAN', 'DUITSE': 'GERMAN', 'WINDTUNNELS': 'WIND TUNNELS', 'WINDTUNNEL': 'WIND TUNNEL', 'HUMANISTIEK': 'HUMANISTIC STUDIES'},
                            t
                          ),
                          1
                        ),
                        t
                      )
                    ),
                    ' '
                  ),
                  ' '
                ),
                LAMBDA t : t <> ''
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
            '\1'
          ),
          ' '
        ),
        LAMBDA t : t <> ''
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
    LIST_FILTER(toks, LAMBDA x : NOT ARRAY_CONTAINS(city_toks, x))
  FROM t
  WHERE
    LENGTH(
      LIST_FILTER(
        toks,
        LAMBDA x : NOT ARRAY_CONTAINS(city_toks, x)
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
    AND LENGTH(LIST_FILTER(toks, LAMBDA x : NOT ARRAY_CONTAINS(city_toks, x))) >= 2
)
SELECT DISTINCT
  v.ror_id,
  v.country_code,
  ARRAY_TO_STRING(LIST_SORT(v.toks), ' '),
  ARRAY_TO_STRING(v.toks, ' '),
  LIST_CONCAT(
    LIST_FILTER(
      STR_SPLIT(
        REGEXP_REPLACE(
          ARRAY_TO_STRING(
            LIST_FILTER(
              STR_SPLIT(
                ARRAY_TO_STRING(
                  LIST_TRANSFORM(
                    STR_SPLIT(
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
                                                                UPPER(STRIP_ACCENTS(COALESCE(CAST(r.city AS TEXT), ''))),
                                                                '\((THE )?(NETHERLANDS|NEDERLAND|HOLLAND)\)',
                                                                ' ',
                                                                'g'
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
                                                        '[.''’]',
                                                        '',
                                                        'g'
                                                      ),
                                                      '[^A-Z0-9]+',
                                                      ' ',
                                                      'g'
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
                          ' ',
                          'g'
                        )
                      ),
                      ' '
                    ),
                    LAMBDA t : COALESCE(
                      LIST_EXTRACT(
                        MAP_EXTRACT(
                          MAP {'UNIVERSITEIT': 'UNIVERSITY', 'UNIVERSITAT': 'UNIVERSITY', 'UNIVERSITAET': 'UNIVERSITY', 'UNIVERSITE': 'UNIVERSITY', 'UNIVERSIDAD': 'UNIVERSITY', 'UNIVERSITA': 'UNIVERSITY', 'UNIV': 'UNIVERSITY', 'RIJKS': '', 'TECHNISCHE': 'TECHNOLOGY', 'TECH': 'TECHNOLOGY', 'TECHNOLOGICAL': 'TECHNOLOGY', 'CENTRE': 'CENTER', 'CENTRUM': 'CENTER', 'CTR': 'CENTER', 'MEDISCH': 'MEDICAL', 'MEDISCHE': 'MEDICAL', 'ZIEKENHUIS': 'HOSPITAL', 'ZIEKENHUIZEN': 'HOSPITAL', 'HOSPITALS': 'HOSPITAL', 'GASTHUIS': 'HOSPITAL', 'INSTITUUT': 'INSTITUTE', 'INSTITUT': 'INSTITUTE', 'INST': 'INSTITUTE', 'NEDERLANDS': 'NETHERLANDS', 'NEDERLANDSE': 'NETHERLANDS', 'NEDERLAND': 'NETHERLANDS', 'DUTCH': 'NETHERLANDS', 'ORGANISATIE': 'ORGANISATION', 'ORGANIZATION': 'ORGANISATION', 'ONDERZOEK': 'RESEARCH', 'LABORATORIUM': 'LABORATORY', 'LAB': 'LABORATORY', 'KANKER': 'CANCER', 'VERENIGING': 'ASSOCIATION', 'GEMEENTE': 'MUNICIPALITY', 'PROVINCIE': 'PROVINCE', 'KATHOLIEKE': 'CATHOLIC', 'VU': 'VRIJE', 'UMC': 'UNIVERSITY MEDICAL CENTER', 'MC': 'MEDICAL CENTER', 'KUNSTEN': 'ARTS', 'MINISTERIE': 'MINISTRY', 'ZAKEN': 'AFFAIRS', 'ECONOMISCHE': 'ECONOMIC', 'ONDERWIJS': 'EDUCATION', 'CULTUUR': 'CULTURE', 'WETENSCHAP': 'SCIENCE', 'VOLKSGEZONDHEID': 'HEALTH', 'WELZIJN': 'WELFARE', 'BINNENLANDSE': 'INTERIOR', 'KONINKRIJKSRELATIES': 'KINGDOM RELATIONS', 'VEILIGHEID': 'SECURITY', 'JUSTITIE': 'JUSTICE', 'INFRASTRUCTUUR': 'INFRASTRUCTURE', 'MILIEU': 'ENVIRONMENT', 'KONINKLIJK': 'ROYAL', 'KONINKLIJKE': 'ROYAL', 'METEOROLOGISCH': 'METEOROLOGICAL', 'TROPEN': 'TROPICAL', 'FINANCIEN': 'FINANCE', 'WETENSCHAPPELIJK': 'SCIENTIFIC', 'WETENSCHAPPELIJKE': 'SCIENTIFIC', 'NORMALISATIE': 'STANDARDIZATION', 'STANDARDISATION': 'STANDARDIZATION', 'ENERGIEONDERZOEK': 'ENERGY RESEARCH', 'DUITS': 'GERMAN', 'DUITSE': 'GERMAN', 'WINDTUNNELS': 'WIND TUNNELS', 'WINDTUNNEL': 'WIND TUNNEL', 'HUMANISTIEK': 'HUMANISTIC STUDIES'},
                          t
                        ),
                        1
                      ),
                      t
                    )
                  ),
                  ' '
                ),
                ' '
              ),
              LAMBDA t : t <> ''
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
          '\1'
        ),
        ' '
      ),
      LAMBDA t : t <> ''
    ),
    LIST_FILTER(
      STR_SPLIT(
        REGEXP_REPLACE(
          ARRAY_TO_STRING(
            LIST_FILTER(
              STR_SPLIT(
                ARRAY_TO_STRING(
                  LIST_TRANSFORM(
                    STR_SPLIT(
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
                                                                UPPER(STRIP_ACCENTS(COALESCE(CAST(r.municipality AS TEXT), ''))),
                                                                '\((THE )?(NETHERLANDS|NEDERLAND|HOLLAND)\)',
                                                                ' ',
                                                                'g'
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
                                                        '[.''’]',
                                                        '',
                                                        'g'
                                                      ),
                                                      '[^A-Z0-9]+',
                                                      ' ',
                                                      'g'
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
                          ' ',
                          'g'
                        )
                      ),
                      ' '
                    ),
                    LAMBDA t : COALESCE(
                      LIST_EXTRACT(
                        MAP_EXTRACT(
                          MAP {'UNIVERSITEIT': 'UNIVERSITY', 'UNIVERSITAT': 'UNIVERSITY', 'UNIVERSITAET': 'UNIVERSITY', 'UNIVERSITE': 'UNIVERSITY', 'UNIVERSIDAD': 'UNIVERSITY', 'UNIVERSITA': 'UNIVERSITY', 'UNIV': 'UNIVERSITY', 'RIJKS': '', 'TECHNISCHE': 'TECHNOLOGY', 'TECH': 'TECHNOLOGY', 'TECHNOLOGICAL': 'TECHNOLOGY', 'CENTRE': 'CENTER', 'CENTRUM': 'CENTER', 'CTR': 'CENTER', 'MEDISCH': 'MEDICAL', 'MEDISCHE': 'MEDICAL', 'ZIEKENHUIS': 'HOSPITAL', 'ZIEKENHUIZEN': 'HOSPITAL', 'HOSPITALS': 'HOSPITAL', 'GASTHUIS': 'HOSPITAL', 'INSTITUUT': 'INSTITUTE', 'INSTITUT': 'INSTITUTE', 'INST': 'INSTITUTE', 'NEDERLANDS': 'NETHERLANDS', 'NEDERLANDSE': 'NETHERLANDS', 'NEDERLAND': 'NETHERLANDS', 'DUTCH': 'NETHERLANDS', 'ORGANISATIE': 'ORGANISATION', 'ORGANIZATION': 'ORGANISATION', 'ONDERZOEK': 'RESEARCH', 'LABORATORIUM': 'LABORATORY', 'LAB': 'LABORATORY', 'KANKER': 'CANCER', 'VERENIGING': 'ASSOCIATION', 'GEMEENTE': 'MUNICIPALITY', 'PROVINCIE': 'PROVINCE', 'KATHOLIEKE': 'CATHOLIC', 'VU': 'VRIJE', 'UMC': 'UNIVERSITY MEDICAL CENTER', 'MC': 'MEDICAL CENTER', 'KUNSTEN': 'ARTS', 'MINISTERIE': 'MINISTRY', 'ZAKEN': 'AFFAIRS', 'ECONOMISCHE': 'ECONOMIC', 'ONDERWIJS': 'EDUCATION', 'CULTUUR': 'CULTURE', 'WETENSCHAP': 'SCIENCE', 'VOLKSGEZONDHEID': 'HEALTH', 'WELZIJN': 'WELFARE', 'BINNENLANDSE': 'INTERIOR', 'KONINKRIJKSRELATIES': 'KINGDOM RELATIONS', 'VEILIGHEID': 'SECURITY', 'JUSTITIE': 'JUSTICE', 'INFRASTRUCTUUR': 'INFRASTRUCTURE', 'MILIEU': 'ENVIRONMENT', 'KONINKLIJK': 'ROYAL', 'KONINKLIJKE': 'ROYAL', 'METEOROLOGISCH': 'METEOROLOGICAL', 'TROPEN': 'TROPICAL', 'FINANCIEN': 'FINANCE', 'WETENSCHAPPELIJK': 'SCIENTIFIC', 'WETENSCHAPPELIJKE': 'SCIENTIFIC', 'NORMALISATIE': 'STANDARDIZATION', 'STANDARDISATION': 'STANDARDIZATION', 'ENERGIEONDERZOEK': 'ENERGY RESEARCH', 'DUITS': 'GERMAN', 'DUITSE': 'GERMAN', 'WINDTUNNELS': 'WIND TUNNELS', 'WINDTUNNEL': 'WIND TUNNEL', 'HUMANISTIEK': 'HUMANISTIC STUDIES'},
                          t
                        ),
                        1
                      ),
                      t
                    )
                  ),
                  ' '
                ),
                ' '
              ),
              LAMBDA t : t <> ''
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
          '\1'
        ),
        ' '
      ),
      LAMBDA t : t <> ''
    )
  )
FROM v
JOIN ror_record AS r
  USING (ror_id)
WHERE
  LENGTH(v.toks) >= 1 AND LENGTH(ARRAY_TO_STRING(v.toks, ' ')) >= 3
