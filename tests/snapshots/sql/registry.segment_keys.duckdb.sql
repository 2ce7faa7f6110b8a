SELECT
  seg_id,
  ARRAY_TO_STRING(
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
                                                                  UPPER(STRIP_ACCENTS(COALESCE(CAST(seg AS TEXT), ''))),
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
    ),
    ' '
  ),
  ARRAY_TO_STRING(
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
                                                                UPPER(STRIP_ACCENTS(COALESCE(CAST(seg AS TEXT), ''))),
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
    ' '
  )
FROM _aff
ORDER BY
  seg_id
