CREATE OR REPLACE TEMPORARY TABLE _rplace AS
WITH muni AS (
  SELECT
    canon,
    ARG_MIN(code, year) AS code,
    ARG_MIN(name, year) AS name,
    ARG_MIN(corop_code, year) FILTER(WHERE
      NOT corop_code IS NULL) AS corop_code,
    ARG_MIN(province_code, year) FILTER(WHERE
      NOT province_code IS NULL) AS province_code
  FROM (
    SELECT
      *,
      COALESCE(
        (
          SELECT
            a.to_
          FROM (VALUES
            ('DEN HAAG', 'S GRAVENHAGE'),
            ('THE HAGUE', 'S GRAVENHAGE'),
            ('HAGUE', 'S GRAVENHAGE'),
            ('GRAVENHAGE', 'S GRAVENHAGE'),
            ('LA HAYE', 'S GRAVENHAGE'),
            ('DEN BOSCH', 'S HERTOGENBOSCH'),
            ('HERTOGENBOSCH', 'S HERTOGENBOSCH'),
            ('BOIS LE DUC', 'S HERTOGENBOSCH'),
            ('SON', 'SON EN BREUGEL'),
            ('NIMWEGEN', 'NIJMEGEN'),
            ('GRONINGUE', 'GRONINGEN'),
            ('AMSTERDAM Z O', 'AMSTERDAM'),
            ('AMSTERDAM ZO', 'AMSTERDAM'),
            ('ULTRECHT', 'UTRECHT'),
            ('BILTHOVEN', 'DE BILT'),
            ('RIJSSEN', 'RIJSSEN HOLTEN'),
            ('HOLTEN', 'RIJSSEN HOLTEN'),
            ('SASSENHEIM', 'TEYLINGEN'),
            ('WARMOND', 'TEYLINGEN'),
            ('SCHIPHOL RIJK', 'HAARLEMMERMEER'),
            ('LUCHTHAVEN SCHIPHOL', 'HAARLEMMERMEER'),
            ('SCHIPHOL', 'HAARLEMMERMEER'),
            ('NIEUW VENNEP', 'HAARLEMMERMEER'),
            ('ZWANENBURG', 'HAARLEMMERMEER'),
            ('HOOFDDORP', 'HAARLEMMERMEER'),
            ('DRUNEN', 'HEUSDEN'),
            ('FARMSUM', 'DELFZIJL'),
            ('IJSSELMUIDEN', 'KAMPEN'),
            ('DEN OEVER', 'HOLLANDS KROON'),
            ('MIDDENMEER', 'HOLLANDS KROON'),
            ('WIERINGERWERF', 'HOLLANDS KROON'),
            ('RODEN', 'NOORDENVELD'),
            ('EERBEEK', 'BRUMMEN'),
            ('MARKNESSE', 'NOORDOOSTPOLDER'),
            ('EMMELOORD', 'NOORDOOSTPOLDER'),
            ('BIDDINGHUIZEN', 'DRONTEN'),
            ('SPIJKENISSE', 'NISSEWAARD'),
            ('NAALDWIJK', 'WESTLAND'),
            ('POELDIJK', 'WESTLAND'),
            ('MAASDIJK', 'WESTLAND'),
            ('HONSELERSDIJK', 'WESTLAND'),
            ('DEN HOORN', 'MIDDEN DELFLAND'),
            ('DEN HOORN TEXEL', 'TEXEL'),
            ('LEIDSCHENDAM', 'LEIDSCHENDAM VOORBURG'),
            ('VOORBURG', 'LEIDSCHENDAM VOORBURG'),
            ('DE MEERN', 'UTRECHT'),
            ('BERGSCHENHOEK', 'LANSINGERLAND'),
            ('BLEISWIJK', 'LANSINGERLAND'),
            ('BERKEL EN RODENRIJS', 'LANSINGERLAND'),
            ('BOSKOOP', 'ALPHEN AAN DEN RIJN'),
            ('KOUDEKERK AAN DEN RIJN', 'ALPHEN AAN DEN RIJN'),
            ('ROELOFARENDSVEEN', 'KAAG EN BRAASSEM'),
            ('WOUBRUGGE', 'KAAG EN BRAASSEM'),
            ('TWELLO', 'VOORST'),
            ('HUISSEN', 'LINGEWAARD'),
            ('KESTEREN', 'NEDER BETUWE'),
            ('RANDWIJK', 'OVERBETUWE'),
            ('JOURE', 'DE FRYSKE MARREN'),
            ('FRANEKER', 'FRANEKERADEEL'),
            ('DENEKAMP', 'DINKELLAND'),
            ('WIJHE', 'OLST WIJHE'),
            ('DINXPERLO', 'AALTEN'),
            ('GIESBEEK', 'RIJNWAARDEN'),
            ('AERDT', 'RIJNWAARDEN'),
            ('VINKEVEEN', 'DE RONDE VENEN'),
            ('NUMANSDORP', 'CROMSTRIJEN'),
            ('AERDENHOUT', 'BLOEMENDAAL'),
            ('PATERSWOLDE', 'TYNAARLO'),
            ('SWALMEN', 'ROERMOND'),
            ('URMOND', 'STEIN'),
            ('MOERGESTEL', 'OISTERWIJK'),
            ('ROZENBURG', 'ROTTERDAM'),
            ('LIMMEN', 'CASTRICUM'),
            ('DE RIJP', 'ALKMAAR'),
            ('BRESKENS', 'SLUIS'),
            ('STRAMPROY', 'WEERT'),
            ('UFFELTE', 'WESTERVELD'),
            ('NIEUWERKERK AAN DEN IJSSEL', 'ZUIDPLAS'),
            ('BEESD', 'GELDERMALSEN'),
            ('KINDERDIJK', 'MOLENWAARD'),
            ('SPRANG CAPELLE', 'WAALWIJK'),
            ('FIJNAART', 'MOERDIJK'),
            ('HEERLE', 'ROOSENDAAL'),
            ('MOERSTRATEN', 'ROOSENDAAL'),
            ('KEDICHEM', 'LEERDAM'),
            ('BERGHEM', 'OSS'),
            ('SCHEEMDA', 'OLDAMBT'),
            ('GROET', 'SCHAGEN'),
            ('ZWAAGDIJK OOST', 'MEDEMBLIK'),
            ('KRIMPEN AAN DE LEK', 'KRIMPENERWAARD'),
            ('STAD AAN T HARINGVLIET', 'GOEREE OVERFLAKKEE'),
            ('BROEK OP LANGEDIJK', 'LANGEDIJK'),
            ('BROEKEN OP LANGEDIJK', 'LANGEDIJK'),
            ('2E EXLOERMOND', 'BORGER ODOORN'),
            ('NIEUWDORP', 'BORSELE'),
            ('HOEK', 'TERNEUZEN'),
            ('ZWIJNDRECHT NL', 'ZWIJNDRECHT'),
            ('GELEEN', 'SITTARD GELEEN'),
            ('SITTARD', 'SITTARD GELEEN'),
            ('ENSCHEDE TWENTE', 'ENSCHEDE')) AS a(from_, to_)
          WHERE
            a.from_ = TRIM(
              REGEXP_REPLACE(
                REGEXP_REPLACE(
                  TRIM(REGEXP_REPLACE(UPPER(STRIP_ACCENTS(COALESCE(name, ''))), '[^A-Z0-9]+', ' ', 'g')),
                  '^[0-9]{4} ?[A-Z]{2} ',
                  ''
                ),
                ' (GLD|GE|NB|ZH|NH|UT|LB|LI|OV|GR|FR|FL|DR|ZL|ZLD|ZE|L)$',
                ''
              )
            )
        ),
        TRIM(
          REGEXP_REPLACE(
            REGEXP_REPLACE(
              TRIM(REGEXP_REPLACE(UPPER(STRIP_ACCENTS(COALESCE(name, ''))), '[^A-Z0-9]+', ' ', 'g')),
              '^[0-9]{4} ?[A-Z]{2} ',
              ''
            ),
            ' (GLD|GE|NB|ZH|NH|UT|LB|LI|OV|GR|FR|FL|DR|ZL|ZLD|ZE|L)$',
            ''
          )
        )
      ) AS canon
    FROM geo_region
    WHERE
      level = 'municipality'
  )
  GROUP BY
    canon
), link AS (
  SELECT
    CAST(left_id AS BIGINT) AS pic,
    right_id AS ror_id,
    status = 'accepted' AS accepted
  FROM org_match
  WHERE
    left_scheme = 'pic'
    AND status IN ('matched', 'accepted')
    AND CAST(left_id AS BIGINT) IN (
      SELECT
        pic
      FROM org_location
      WHERE
        method LIKE 'unplaced%'
    )
  QUALIFY
    ROW_NUMBER() OVER (
      PARTITION BY left_id
      ORDER BY (
        status = 'accepted'
      ) DESC, score DESC NULLS FIRST, right_id
    ) = 1
), ror AS (
  SELECT
    ror_id,
    COALESCE(
      NULLIF(
        COALESCE(
          (
            SELECT
              a.to_
            FROM (VALUES
              ('DEN HAAG', 'S GRAVENHAGE'),
              ('THE HAGUE', 'S GRAVENHAGE'),
              ('HAGUE', 'S GRAVENHAGE'),
              ('GRAVENHAGE', 'S GRAVENHAGE'),
              ('LA HAYE', 'S GRAVENHAGE'),
              ('DEN BOSCH', 'S HERTOGENBOSCH'),
              ('HERTOGENBOSCH', 'S HERTOGENBOSCH'),
              ('BOIS LE DUC', 'S HERTOGENBOSCH'),
              ('SON', 'SON EN BREUGEL'),
              ('NIMWEGEN', 'NIJMEGEN'),
              ('GRONINGUE', 'GRONINGEN'),
              ('AMSTERDAM Z O', 'AMSTERDAM'),
              ('AMSTERDAM ZO', 'AMSTERDAM'),
              ('ULTRECHT', 'UTRECHT'),
              ('BILTHOVEN', 'DE BILT'),
              ('RIJSSEN', 'RIJSSEN HOLTEN'),
              ('HOLTEN', 'RIJSSEN HOLTEN'),
              ('SASSENHEIM', 'TEYLINGEN'),
              ('WARMOND', 'TEYLINGEN'),
              ('SCHIPHOL RIJK', 'HAARLEMMERMEER'),
              ('LUCHTHAVEN SCHIPHOL', 'HAARLEMMERMEER'),
              ('SCHIPHOL', 'HAARLEMMERMEER'),
              ('NIEUW VENNEP', 'HAARLEMMERMEER'),
              ('ZWANENBURG', 'HAARLEMMERMEER'),
              ('HOOFDDORP', 'HAARLEMMERMEER'),
              ('DRUNEN', 'HEUSDEN'),
              ('FARMSUM', 'DELFZIJL'),
              ('IJSSELMUIDEN', 'KAMPEN'),
              ('DEN OEVER', 'HOLLANDS KROON'),
              ('MIDDENMEER', 'HOLLANDS KROON'),
              ('WIERINGERWERF', 'HOLLANDS KROON'),
              ('RODEN', 'NOORDENVELD'),
              ('EERBEEK', 'BRUMMEN'),
              ('MARKNESSE', 'NOORDOOSTPOLDER'),
              ('EMMELOORD', 'NOORDOOSTPOLDER'),
              ('BIDDINGHUIZEN', 'DRONTEN'),
              ('SPIJKENISSE', 'NISSEWAARD'),
              ('NAALDWIJK', 'WESTLAND'),
              ('POELDIJK', 'WESTLAND'),
              ('MAASDIJK', 'WESTLAND'),
              ('HONSELERSDIJK', 'WESTLAND'),
              ('DEN HOORN', 'MIDDEN DELFLAND'),
              ('DEN HOORN TEXEL', 'TEXEL'),
              ('LEIDSCHENDAM', 'LEIDSCHENDAM VOORBURG'),
              ('VOORBURG', 'LEIDSCHENDAM VOORBURG'),
              ('DE MEERN', 'UTRECHT'),
              ('BERGSCHENHOEK', 'LANSINGERLAND'),
              ('BLEISWIJK', 'LANSINGERLAND'),
              ('BERKEL EN RODENRIJS', 'LANSINGERLAND'),
              ('BOSKOOP', 'ALPHEN AAN DEN RIJN'),
              ('KOUDEKERK AAN DEN RIJN', 'ALPHEN AAN DEN RIJN'),
              ('ROELOFARENDSVEEN', 'KAAG EN BRAASSEM'),
              ('WOUBRUGGE', 'KAAG EN BRAASSEM'),
              ('TWELLO', 'VOORST'),
              ('HUISSEN', 'LINGEWAARD'),
              ('KESTEREN', 'NEDER BETUWE'),
              ('RANDWIJK', 'OVERBETUWE'),
              ('JOURE', 'DE FRYSKE MARREN'),
              ('FRANEKER', 'FRANEKERADEEL'),
              ('DENEKAMP', 'DINKELLAND'),
              ('WIJHE', 'OLST WIJHE'),
              ('DINXPERLO', 'AALTEN'),
              ('GIESBEEK', 'RIJNWAARDEN'),
              ('AERDT', 'RIJNWAARDEN'),
              ('VINKEVEEN', 'DE RONDE VENEN'),
              ('NUMANSDORP', 'CROMSTRIJEN'),
              ('AERDENHOUT', 'BLOEMENDAAL'),
              ('PATERSWOLDE', 'TYNAARLO'),
              ('SWALMEN', 'ROERMOND'),
              ('URMOND', 'STEIN'),
              ('MOERGESTEL', 'OISTERWIJK'),
              ('ROZENBURG', 'ROTTERDAM'),
              ('LIMMEN', 'CASTRICUM'),
              ('DE RIJP', 'ALKMAAR'),
              ('BRESKENS', 'SLUIS'),
              ('STRAMPROY', 'WEERT'),
              ('UFFELTE', 'WESTERVELD'),
              ('NIEUWERKERK AAN DEN IJSSEL', 'ZUIDPLAS'),
              ('BEESD', 'GELDERMALSEN'),
              ('KINDERDIJK', 'MOLENWAARD'),
              ('SPRANG CAPELLE', 'WAALWIJK'),
              ('FIJNAART', 'MOERDIJK'),
              ('HEERLE', 'ROOSENDAAL'),
              ('MOERSTRATEN', 'ROOSENDAAL'),
              ('KEDICHEM', 'LEERDAM'),
              ('BERGHEM', 'OSS'),
              ('SCHEEMDA', 'OLDAMBT'),
              ('GROET', 'SCHAGEN'),
              ('ZWAAGDIJK OOST', 'MEDEMBLIK'),
              ('KRIMPEN AAN DE LEK', 'KRIMPENERWAARD'),
              ('STAD AAN T HARINGVLIET', 'GOEREE OVERFLAKKEE'),
              ('BROEK OP LANGEDIJK', 'LANGEDIJK'),
              ('BROEKEN OP LANGEDIJK', 'LANGEDIJK'),
              ('2E EXLOERMOND', 'BORGER ODOORN'),
              ('NIEUWDORP', 'BORSELE'),
              ('HOEK', 'TERNEUZEN'),
              ('ZWIJNDRECHT NL', 'ZWIJNDRECHT'),
              ('GELEEN', 'SITTARD GELEEN'),
              ('SITTARD', 'SITTARD GELEEN'),
              ('ENSCHEDE TWENTE', 'ENSCHEDE')) AS a(from_, to_)
            WHERE
              a.from_ = TRIM(
                REGEXP_REPLACE(
                  REGEXP_REPLACE(
                    TRIM(
                      REGEXP_REPLACE(UPPER(STRIP_ACCENTS(COALESCE(municipality, ''))), '[^A-Z0-9]+', ' ', 'g')
                    ),
                    '^[0-9]{4} ?[A-Z]{2} ',
                    ''
                  ),
                  ' (GLD|GE|NB|ZH|NH|UT|LB|LI|OV|GR|FR|FL|DR|ZL|ZLD|ZE|L)$',
                  ''
                )
              )
          ),
          TRIM(
            REGEXP_REPLACE(
              REGEXP_REPLACE(
                TRIM(
                  REGEXP_REPLACE(UPPER(STRIP_ACCENTS(COALESCE(municipality, ''))), '[^A-Z0-9]+', ' ', 'g')
                ),
                '^[0-9]{4} ?[A-Z]{2} ',
                ''
              ),
              ' (GLD|GE|NB|ZH|NH|UT|LB|LI|OV|GR|FR|FL|DR|ZL|ZLD|ZE|L)$',
              ''
            )
          )
        ),
        ''
      ),
      COALESCE(
        (
          SELECT
            a.to_
          FROM (VALUES
            ('DEN HAAG', 'S GRAVENHAGE'),
            ('THE HAGUE', 'S GRAVENHAGE'),
            ('HAGUE', 'S GRAVENHAGE'),
            ('GRAVENHAGE', 'S GRAVENHAGE'),
            ('LA HAYE', 'S GRAVENHAGE'),
            ('DEN BOSCH', 'S HERTOGENBOSCH'),
            ('HERTOGENBOSCH', 'S HERTOGENBOSCH'),
            ('BOIS LE DUC', 'S HERTOGENBOSCH'),
            ('SON', 'SON EN BREUGEL'),
            ('NIMWEGEN', 'NIJMEGEN'),
            ('GRONINGUE', 'GRONINGEN'),
            ('AMSTERDAM Z O', 'AMSTERDAM'),
            ('AMSTERDAM ZO', 'AMSTERDAM'),
            ('ULTRECHT', 'UTRECHT'),
            ('BILTHOVEN', 'DE BILT'),
            ('RIJSSEN', 'RIJSSEN HOLTEN'),
            ('HOLTEN', 'RIJSSEN HOLTEN'),
            ('SASSENHEIM', 'TEYLINGEN'),
            ('WARMOND', 'TEYLINGEN'),
            ('SCHIPHOL RIJK', 'HAARLEMMERMEER'),
            ('LUCHTHAVEN SCHIPHOL', 'HAARLEMMERMEER'),
            ('SCHIPHOL', 'HAARLEMMERMEER'),
            ('NIEUW VENNEP', 'HAARLEMMERMEER'),
            ('ZWANENBURG', 'HAARLEMMERMEER'),
            ('HOOFDDORP', 'HAARLEMMERMEER'),
            ('DRUNEN', 'HEUSDEN'),
            ('FARMSUM', 'DELFZIJL'),
            ('IJSSELMUIDEN', 'KAMPEN'),
            ('DEN OEVER', 'HOLLANDS KROON'),
            ('MIDDENMEER', 'HOLLANDS KROON'),
            ('WIERINGERWERF', 'HOLLANDS KROON'),
            ('RODEN', 'NOORDENVELD'),
            ('EERBEEK', 'BRUMMEN'),
            ('MARKNESSE', 'NOORDOOSTPOLDER'),
            ('EMMELOORD', 'NOORDOOSTPOLDER'),
            ('BIDDINGHUIZEN', 'DRONTEN'),
            ('SPIJKENISSE', 'NISSEWAARD'),
            ('NAALDWIJK', 'WESTLAND'),
            ('POELDIJK', 'WESTLAND'),
            ('MAASDIJK', 'WESTLAND'),
            ('HONSELERSDIJK', 'WESTLAND'),
            ('DEN HOORN', 'MIDDEN DELFLAND'),
            ('DEN HOORN TEXEL', 'TEXEL'),
            ('LEIDSCHENDAM', 'LEIDSCHENDAM VOORBURG'),
            ('VOORBURG', 'LEIDSCHENDAM VOORBURG'),
            ('DE MEERN', 'UTRECHT'),
            ('BERGSCHENHOEK', 'LANSINGERLAND'),
            ('BLEISWIJK', 'LANSINGERLAND'),
            ('BERKEL EN RODENRIJS', 'LANSINGERLAND'),
            ('BOSKOOP', 'ALPHEN AAN DEN RIJN'),
            ('KOUDEKERK AAN DEN RIJN', 'ALPHEN AAN DEN RIJN'),
            ('ROELOFARENDSVEEN', 'KAAG EN BRAASSEM'),
            ('WOUBRUGGE', 'KAAG EN BRAASSEM'),
            ('TWELLO', 'VOORST'),
            ('HUISSEN', 'LINGEWAARD'),
            ('KESTEREN', 'NEDER BETUWE'),
            ('RANDWIJK', 'OVERBETUWE'),
            ('JOURE', 'DE FRYSKE MARREN'),
            ('FRANEKER', 'FRANEKERADEEL'),
            ('DENEKAMP', 'DINKELLAND'),
            ('WIJHE', 'OLST WIJHE'),
            ('DINXPERLO', 'AALTEN'),
            ('GIESBEEK', 'RIJNWAARDEN'),
            ('AERDT', 'RIJNWAARDEN'),
            ('VINKEVEEN', 'DE RONDE VENEN'),
            ('NUMANSDORP', 'CROMSTRIJEN'),
            ('AERDENHOUT', 'BLOEMENDAAL'),
            ('PATERSWOLDE', 'TYNAARLO'),
            ('SWALMEN', 'ROERMOND'),
            ('URMOND', 'STEIN'),
            ('MOERGESTEL', 'OISTERWIJK'),
            ('ROZENBURG', 'ROTTERDAM'),
            ('LIMMEN', 'CASTRICUM'),
            ('DE RIJP', 'ALKMAAR'),
            ('BRESKENS', 'SLUIS'),
            ('STRAMPROY', 'WEERT'),
            ('UFFELTE', 'WESTERVELD'),
            ('NIEUWERKERK AAN DEN IJSSEL', 'ZUIDPLAS'),
            ('BEESD', 'GELDERMALSEN'),
            ('KINDERDIJK', 'MOLENWAARD'),
            ('SPRANG CAPELLE', 'WAALWIJK'),
            ('FIJNAART', 'MOERDIJK'),
            ('HEERLE', 'ROOSENDAAL'),
            ('MOERSTRATEN', 'ROOSENDAAL'),
            ('KEDICHEM', 'LEERDAM'),
            ('BERGHEM', 'OSS'),
            ('SCHEEMDA', 'OLDAMBT'),
            ('GROET', 'SCHAGEN'),
            ('ZWAAGDIJK OOST', 'MEDEMBLIK'),
            ('KRIMPEN AAN DE LEK', 'KRIMPENERWAARD'),
            ('STAD AAN T HARINGVLIET', 'GOEREE OVERFLAKKEE'),
            ('BROEK OP LANGEDIJK', 'LANGEDIJK'),
            ('BROEKEN OP LANGEDIJK', 'LANGEDIJK'),
            ('2E EXLOERMOND', 'BORGER ODOORN'),
            ('NIEUWDORP', 'BORSELE'),
            ('HOEK', 'TERNEUZEN'),
            ('ZWIJNDRECHT NL', 'ZWIJNDRECHT'),
            ('GELEEN', 'SITTARD GELEEN'),
            ('SITTARD', 'SITTARD GELEEN'),
            ('ENSCHEDE TWENTE', 'ENSCHEDE')) AS a(from_, to_)
          WHERE
            a.from_ = TRIM(
              REGEXP_REPLACE(
                REGEXP_REPLACE(
                  TRIM(REGEXP_REPLACE(UPPER(STRIP_ACCENTS(COALESCE(city, ''))), '[^A-Z0-9]+', ' ', 'g')),
                  '^[0-9]{4} ?[A-Z]{2} ',
                  ''
                ),
                ' (GLD|GE|NB|ZH|NH|UT|LB|LI|OV|GR|FR|FL|DR|ZL|ZLD|ZE|L)$',
                ''
              )
            )
        ),
        TRIM(
          REGEXP_REPLACE(
            REGEXP_REPLACE(
              TRIM(REGEXP_REPLACE(UPPER(STRIP_ACCENTS(COALESCE(city, ''))), '[^A-Z0-9]+', ' ', 'g')),
              '^[0-9]{4} ?[A-Z]{2} ',
              ''
            ),
            ' (GLD|GE|NB|ZH|NH|UT|LB|LI|OV|GR|FR|FL|DR|ZL|ZLD|ZE|L)$',
            ''
          )
        )
      )
    ) AS canon
  FROM (
    SELECT
      ror_id,
      ARG_MAX(municipality, batch_id) AS municipality,
      ARG_MAX(city, batch_id) AS city
    FROM ror_record
    WHERE
      country_code = 'NL'
    GROUP BY
      1
  )
), todo AS (
  SELECT
    l.pic,
    l.method
  FROM org_location AS l
  JOIN organisation AS o
    USING (pic)
  WHERE
    l.method LIKE 'unplaced%' AND o.country = 'NL'
)
SELECT
  t.pic,
  m.code,
  m.name,
  m.corop_code,
  cr.name AS corop,
  m.province_code,
  pv.name AS province,
  kc.city AS kcity
FROM todo AS t
JOIN link AS k
  USING (pic)
JOIN ror AS r
  USING (ror_id)
JOIN muni AS m
  ON m.canon = r.canon
LEFT JOIN (
  SELECT
    code,
    ARG_MAX(name, year) AS name
  FROM geo_region
  WHERE
    level = 'corop'
  GROUP BY
    code
) AS cr
  ON cr.code = m.corop_code
LEFT JOIN (
  SELECT
    code,
    ARG_MAX(name, year) AS name
  FROM geo_region
  WHERE
    level = 'province'
  GROUP BY
    code
) AS pv
  ON pv.code = m.province_code
LEFT JOIN (VALUES
  ('Amsterdam', 'Amsterdam'),
  ('Den Haag', '''s-Gravenhage'),
  ('Delft', 'Delft'),
  ('Eindhoven', 'Eindhoven'),
  ('Enschede', 'Enschede'),
  ('Groningen', 'Groningen'),
  ('Leiden', 'Leiden'),
  ('Maastricht', 'Maastricht'),
  ('Nijmegen', 'Nijmegen'),
  ('Rotterdam', 'Rotterdam'),
  ('Tilburg', 'Tilburg'),
  ('Utrecht', 'Utrecht'),
  ('Wageningen', 'Wageningen')) AS kc(city, muni)
  ON kc.muni = m.name
/* only where no source gives a city (or a reviewer accepted the match): when CORDIS names a city the */
/* rules could not place, ROR's GeoNames place is no better evidence (HORN, Limburg vs ROR's Hoorn) */
WHERE
  t.method = 'unplaced: no city or postcode in any source' OR k.accepted
