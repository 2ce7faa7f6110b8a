SELECT DISTINCT
  EXPLODE(
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
                                                                UPPER(STRIP_ACCENTS(COALESCE(CAST(n AS STRING), ''))),
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
FROM (
  SELECT
    name AS n
  FROM geo_region
  UNION
  SELECT
    city
  FROM ror_record
  UNION
  SELECT
    municipality
  FROM ror_record
)
