INSERT INTO org_location
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
), place AS (
  SELECT
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
                  REGEXP_REPLACE(UPPER(STRIP_ACCENTS(COALESCE(place, ''))), '[^A-Z0-9]+', ' ', 'g')
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
              REGEXP_REPLACE(UPPER(STRIP_ACCENTS(COALESCE(place, ''))), '[^A-Z0-9]+', ' ', 'g')
            ),
            '^[0-9]{4} ?[A-Z]{2} ',
            ''
          ),
          ' (GLD|GE|NB|ZH|NH|UT|LB|LI|OV|GR|FR|FL|DR|ZL|ZLD|ZE|L)$',
          ''
        )
      )
    ) AS canon_place,
    MODE(
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
      )
    ) AS canon_muni
  FROM geo_place
  GROUP BY
    1
), nl AS (
  SELECT
    pic,
    city,
    postcode,
    nuts_code,
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
    ) AS c,
    REGEXP_EXTRACT(COALESCE(postcode, ''), '([0-9]{4})', 1) AS pc4
  FROM organisation
  WHERE
    country = 'NL'
), by_name AS (
  SELECT
    nl.*,
    COALESCE(m1.canon, m2.canon) AS canon,
    CASE
      WHEN NOT m1.canon IS NULL
      THEN 'municipality name'
      WHEN NOT m2.canon IS NULL
      THEN 'place name (ROR/GeoNames)'
    END AS method
  FROM nl
  LEFT JOIN muni AS m1
    ON m1.canon = nl.c
  LEFT JOIN place AS p
    ON p.canon_place = nl.c AND m1.canon IS NULL
  LEFT JOIN muni AS m2
    ON m2.canon = p.canon_muni
), pc4 AS (
  SELECT
    pc4,
    MODE(canon) AS canon
  FROM by_name
  WHERE
    NOT canon IS NULL AND pc4 <> ''
  GROUP BY
    pc4
), placed AS (
  SELECT
    b.pic,
    b.nuts_code,
    b.city,
    b.postcode,
    COALESCE(b.canon, q.canon, m3.canon) AS canon,
    COALESCE(
      b.method,
      CASE
        WHEN NOT q.canon IS NULL
        THEN 'postcode area (PC4 majority)'
        WHEN NOT m3.canon IS NULL
        THEN 'first word of city'
      END
    ) AS method
  FROM by_name AS b
  LEFT JOIN pc4 AS q
    ON b.canon IS NULL AND q.pc4 = b.pc4 AND b.pc4 <> ''
  LEFT JOIN muni AS m3
    ON b.canon IS NULL AND q.canon IS NULL AND m3.canon = SPLIT_PART(b.c, ' ', 1)
), nuts AS (
  SELECT
    g.nuts3_code,
    COALESCE(ARG_MAX(cr.code, 1), MODE(m.corop_code)) AS corop_code
  FROM geo_place AS g
  LEFT JOIN geo_region AS cr
    ON cr.level = 'corop'
    AND COALESCE(
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
                  REGEXP_REPLACE(UPPER(STRIP_ACCENTS(COALESCE(cr.name, ''))), '[^A-Z0-9]+', ' ', 'g')
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
              REGEXP_REPLACE(UPPER(STRIP_ACCENTS(COALESCE(cr.name, ''))), '[^A-Z0-9]+', ' ', 'g')
            ),
            '^[0-9]{4} ?[A-Z]{2} ',
            ''
          ),
          ' (GLD|GE|NB|ZH|NH|UT|LB|LI|OV|GR|FR|FL|DR|ZL|ZLD|ZE|L)$',
          ''
        )
      )
    ) = COALESCE(
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
                  REGEXP_REPLACE(UPPER(STRIP_ACCENTS(COALESCE(g.nuts3_name, ''))), '[^A-Z0-9]+', ' ', 'g')
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
              REGEXP_REPLACE(UPPER(STRIP_ACCENTS(COALESCE(g.nuts3_name, ''))), '[^A-Z0-9]+', ' ', 'g')
            ),
            '^[0-9]{4} ?[A-Z]{2} ',
            ''
          ),
          ' (GLD|GE|NB|ZH|NH|UT|LB|LI|OV|GR|FR|FL|DR|ZL|ZLD|ZE|L)$',
          ''
        )
      )
    )
  LEFT JOIN muni AS m
    ON m.canon = COALESCE(
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
                  REGEXP_REPLACE(UPPER(STRIP_ACCENTS(COALESCE(g.municipality, ''))), '[^A-Z0-9]+', ' ', 'g')
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
              REGEXP_REPLACE(UPPER(STRIP_ACCENTS(COALESCE(g.municipality, ''))), '[^A-Z0-9]+', ' ', 'g')
            ),
            '^[0-9]{4} ?[A-Z]{2} ',
            ''
          ),
          ' (GLD|GE|NB|ZH|NH|UT|LB|LI|OV|GR|FR|FL|DR|ZL|ZLD|ZE|L)$',
          ''
        )
      )
    )
  WHERE
    NOT g.nuts3_code IS NULL
  GROUP BY
    g.nuts3_code
)
SELECT
  p.pic,
  m.code,
  m.name,
  COALESCE(m.corop_code, n.corop_code),
  cr.name,
  COALESCE(m.province_code, cr.province_code),
  pv.name,
  kc.city,
  CASE
    WHEN NOT m.code IS NULL
    THEN p.method
    WHEN NOT n.corop_code IS NULL
    THEN 'NUTS-3 code (COROP and province only)'
    WHEN COALESCE(p.city, '') = '' AND COALESCE(p.postcode, '') = ''
    THEN 'unplaced: no city or postcode in any source'
    ELSE 'unplaced: city not recognised: ' || COALESCE(p.city, '')
  END
FROM placed AS p
LEFT JOIN muni AS m
  ON m.canon = p.canon
LEFT JOIN nuts AS n
  ON m.code IS NULL AND n.nuts3_code = p.nuts_code
LEFT JOIN (
  SELECT
    code,
    ARG_MAX(name, year) AS name,
    ARG_MAX(province_code, year) AS province_code
  FROM geo_region
  WHERE
    level = 'corop'
  GROUP BY
    code
) AS cr
  ON cr.code = COALESCE(m.corop_code, n.corop_code)
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
  ON pv.code = COALESCE(m.province_code, cr.province_code)
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
