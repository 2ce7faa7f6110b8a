CREATE TEMPORARY TABLE _rl AS
WITH v AS (
  SELECT
    o.pic,
    o.country,
    r.name AS variant,
    'name' AS kind
  FROM organisation_record AS r
  JOIN organisation AS o
    USING (pic)
  WHERE
    NOT r.name IS NULL
    AND o.country IN (
      SELECT DISTINCT
        country_code
      FROM ror_record
    )
  UNION
  SELECT
    o.pic,
    o.country,
    r.short_name,
    'short name'
  FROM organisation_record AS r
  JOIN organisation AS o
    USING (pic)
  WHERE
    NOT r.short_name IS NULL
    AND LENGTH(TRIM(r.short_name)) >= 2
    AND o.country IN (
      SELECT DISTINCT
        country_code
      FROM ror_record
    )
  /* a unit named after a hierarchy marker ('MINISTERIE VAN FINANCIEN DIRECTORAAT GENERAAL BELASTINGDIENST'): */
  /* the unit's own name is a variant too */
  UNION
  SELECT
    o.pic,
    o.country,
    TRIM(
      REGEXP_EXTRACT(
        UPPER(COALESCE(r.name, '')),
        '(?:(?:DIRECTORAAT|DIRECTORATE)[ -]GENERA+L|\bLOCA(?:TIE|TION))\s+(.+)$',
        1
      )
    ),
    'unit name'
  FROM organisation_record AS r
  JOIN organisation AS o
    USING (pic)
  WHERE
    TRIM(
      REGEXP_EXTRACT(
        UPPER(COALESCE(r.name, '')),
        '(?:(?:DIRECTORAAT|DIRECTORATE)[ -]GENERA+L|\bLOCA(?:TIE|TION))\s+(.+)$',
        1
      )
    ) <> ''
    AND o.country IN (
      SELECT DISTINCT
        country_code
      FROM ror_record
    )
), k AS (
  SELECT
    CAST(v.pic AS TEXT) AS left_id,
    v.country,
    v.variant,
    v.kind,
    LIST_SORT(
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
                                                                  UPPER(STRIP_ACCENTS(COALESCE(CAST(v.variant AS TEXT), ''))),
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
    ) AS toks,
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
                                                                UPPER(STRIP_ACCENTS(COALESCE(CAST(o.city AS TEXT), ''))),
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
    ) AS city_toks
  FROM v
  JOIN organisation AS o
    USING (pic)
  WHERE
    v.country IN (
      SELECT DISTINCT
        country_code
      FROM ror_record
    )
)
SELECT
  left_id,
  country,
  variant,
  kind,
  FALSE AS stripped,
  ARRAY_TO_STRING(toks, ' ') AS key
FROM k
UNION ALL
SELECT
  left_id,
  country,
  variant,
  kind,
  TRUE,
  ARRAY_TO_STRING(LIST_FILTER(toks, LAMBDA t : NOT ARRAY_CONTAINS(city_toks, t)), ' ')
FROM k
WHERE
  LENGTH(city_toks) > 0
  AND LENGTH(LIST_FILTER(toks, LAMBDA t : NOT ARRAY_CONTAINS(city_toks, t))) >= 2
  AND LENGTH(LIST_FILTER(toks, LAMBDA t : NOT ARRAY_CONTAINS(city_toks, t))) < LENGTH(toks)
