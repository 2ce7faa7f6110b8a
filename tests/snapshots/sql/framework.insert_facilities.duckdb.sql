INSERT INTO facility
SELECT
  TRIM(s.facility_id),
  TRIM(s.name),
  LOWER(TRIM(s.facility_type)),
  LIST_DISTINCT(REGEXP_EXTRACT_ALL(LOWER(COALESCE("ecosystems", '')), '[a-z0-9][a-z0-9_-]*')),
  NULLIF(TRIM(s.owner), ''),
  NULLIF(TRIM(s.operator), ''),
  (
    CASE
      WHEN ISFINITE(
        TRY_CAST(CASE
          WHEN REGEXP_FULL_MATCH(TRIM(CAST("lat" AS TEXT)), '[+-]?[0-9]+,[0-9]+')
          THEN REPLACE(TRIM(CAST("lat" AS TEXT)), ',', '.')
          WHEN REGEXP_FULL_MATCH(TRIM(CAST("lat" AS TEXT)), '[+-]?[0-9]{1,3}([.][0-9]{3})+(,[0-9]+)?')
          AND (
            CONTAINS(TRIM(CAST("lat" AS TEXT)), ',')
            OR LENGTH(TRIM(CAST("lat" AS TEXT))) - LENGTH(REPLACE(TRIM(CAST("lat" AS TEXT)), '.', '')) > 1
          )
          THEN REPLACE(REPLACE(TRIM(CAST("lat" AS TEXT)), '.', ''), ',', '.')
          WHEN REGEXP_FULL_MATCH(TRIM(CAST("lat" AS TEXT)), '[+-]?[0-9]{1,3}(,[0-9]{3})+([.][0-9]+)?')
          THEN REPLACE(TRIM(CAST("lat" AS TEXT)), ',', '')
          ELSE TRIM(CAST("lat" AS TEXT))
        END AS DOUBLE)
      )
      THEN TRY_CAST(CASE
        WHEN REGEXP_FULL_MATCH(TRIM(CAST("lat" AS TEXT)), '[+-]?[0-9]+,[0-9]+')
        THEN REPLACE(TRIM(CAST("lat" AS TEXT)), ',', '.')
        WHEN REGEXP_FULL_MATCH(TRIM(CAST("lat" AS TEXT)), '[+-]?[0-9]{1,3}([.][0-9]{3})+(,[0-9]+)?')
        AND (
          CONTAINS(TRIM(CAST("lat" AS TEXT)), ',')
          OR LENGTH(TRIM(CAST("lat" AS TEXT))) - LENGTH(REPLACE(TRIM(CAST("lat" AS TEXT)), '.', '')) > 1
        )
        THEN REPLACE(REPLACE(TRIM(CAST("lat" AS TEXT)), '.', ''), ',', '.')
        WHEN REGEXP_FULL_MATCH(TRIM(CAST("lat" AS TEXT)), '[+-]?[0-9]{1,3}(,[0-9]{3})+([.][0-9]+)?')
        THEN REPLACE(TRIM(CAST("lat" AS TEXT)), ',', '')
        ELSE TRIM(CAST("lat" AS TEXT))
      END AS DOUBLE)
    END
  ),
  (
    CASE
      WHEN ISFINITE(
        TRY_CAST(CASE
          WHEN REGEXP_FULL_MATCH(TRIM(CAST("lon" AS TEXT)), '[+-]?[0-9]+,[0-9]+')
          THEN REPLACE(TRIM(CAST("lon" AS TEXT)), ',', '.')
          WHEN REGEXP_FULL_MATCH(TRIM(CAST("lon" AS TEXT)), '[+-]?[0-9]{1,3}([.][0-9]{3})+(,[0-9]+)?')
          AND (
            CONTAINS(TRIM(CAST("lon" AS TEXT)), ',')
            OR LENGTH(TRIM(CAST("lon" AS TEXT))) - LENGTH(REPLACE(TRIM(CAST("lon" AS TEXT)), '.', '')) > 1
          )
          THEN REPLACE(REPLACE(TRIM(CAST("lon" AS TEXT)), '.', ''), ',', '.')
          WHEN REGEXP_FULL_MATCH(TRIM(CAST("lon" AS TEXT)), '[+-]?[0-9]{1,3}(,[0-9]{3})+([.][0-9]+)?')
          THEN REPLACE(TRIM(CAST("lon" AS TEXT)), ',', '')
          ELSE TRIM(CAST("lon" AS TEXT))
        END AS DOUBLE)
      )
      THEN TRY_CAST(CASE
        WHEN REGEXP_FULL_MATCH(TRIM(CAST("lon" AS TEXT)), '[+-]?[0-9]+,[0-9]+')
        THEN REPLACE(TRIM(CAST("lon" AS TEXT)), ',', '.')
        WHEN REGEXP_FULL_MATCH(TRIM(CAST("lon" AS TEXT)), '[+-]?[0-9]{1,3}([.][0-9]{3})+(,[0-9]+)?')
        AND (
          CONTAINS(TRIM(CAST("lon" AS TEXT)), ',')
          OR LENGTH(TRIM(CAST("lon" AS TEXT))) - LENGTH(REPLACE(TRIM(CAST("lon" AS TEXT)), '.', '')) > 1
        )
        THEN REPLACE(REPLACE(TRIM(CAST("lon" AS TEXT)), '.', ''), ',', '.')
        WHEN REGEXP_FULL_MATCH(TRIM(CAST("lon" AS TEXT)), '[+-]?[0-9]{1,3}(,[0-9]{3})+([.][0-9]+)?')
        THEN REPLACE(TRIM(CAST("lon" AS TEXT)), ',', '')
        ELSE TRIM(CAST("lon" AS TEXT))
      END AS DOUBLE)
    END
  ),
  NULLIF(TRIM(s.postcode), ''),
  NULLIF(TRIM(s.city), ''),
  COALESCE(
    (
      SELECT
        ARG_MAX(name, year)
      FROM geo_region
      WHERE
        level = 'municipality'
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
                      REGEXP_REPLACE(UPPER(STRIP_ACCENTS(COALESCE(s.city, ''))), '[^A-Z0-9]+', ' ', 'g')
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
                  REGEXP_REPLACE(UPPER(STRIP_ACCENTS(COALESCE(s.city, ''))), '[^A-Z0-9]+', ' ', 'g')
                ),
                '^[0-9]{4} ?[A-Z]{2} ',
                ''
              ),
              ' (GLD|GE|NB|ZH|NH|UT|LB|LI|OV|GR|FR|FL|DR|ZL|ZLD|ZE|L)$',
              ''
            )
          )
        )
    ),
    (
      SELECT
        MODE(municipality)
      FROM geo_place
      WHERE
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
                      REGEXP_REPLACE(UPPER(STRIP_ACCENTS(COALESCE(s.city, ''))), '[^A-Z0-9]+', ' ', 'g')
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
                  REGEXP_REPLACE(UPPER(STRIP_ACCENTS(COALESCE(s.city, ''))), '[^A-Z0-9]+', ' ', 'g')
                ),
                '^[0-9]{4} ?[A-Z]{2} ',
                ''
              ),
              ' (GLD|GE|NB|ZH|NH|UT|LB|LI|OV|GR|FR|FL|DR|ZL|ZLD|ZE|L)$',
              ''
            )
          )
        )
    ),
    (
      SELECT
        MODE(l.municipality)
      FROM organisation AS o
      JOIN org_location AS l
        USING (pic)
      WHERE
        o.country = 'NL'
        AND NOT l.municipality IS NULL
        AND REGEXP_EXTRACT(COALESCE(o.postcode, ''), '([0-9]{4})', 1) = REGEXP_EXTRACT(COALESCE(s.postcode, ''), '([0-9]{4})', 1)
        AND REGEXP_EXTRACT(COALESCE(s.postcode, ''), '([0-9]{4})', 1) <> ''
    )
  ),
  CAST((
    CASE
      WHEN ISFINITE(
        TRY_CAST(CASE
          WHEN REGEXP_FULL_MATCH(TRIM(CAST("opening_year" AS TEXT)), '[+-]?[0-9]+,[0-9]+')
          THEN REPLACE(TRIM(CAST("opening_year" AS TEXT)), ',', '.')
          WHEN REGEXP_FULL_MATCH(TRIM(CAST("opening_year" AS TEXT)), '[+-]?[0-9]{1,3}([.][0-9]{3})+(,[0-9]+)?')
          AND (
            CONTAINS(TRIM(CAST("opening_year" AS TEXT)), ',')
            OR LENGTH(TRIM(CAST("opening_year" AS TEXT))) - LENGTH(REPLACE(TRIM(CAST("opening_year" AS TEXT)), '.', '')) > 1
          )
          THEN REPLACE(REPLACE(TRIM(CAST("opening_year" AS TEXT)), '.', ''), ',', '.')
          WHEN REGEXP_FULL_MATCH(TRIM(CAST("opening_year" AS TEXT)), '[+-]?[0-9]{1,3}(,[0-9]{3})+([.][0-9]+)?')
          THEN REPLACE(TRIM(CAST("opening_year" AS TEXT)), ',', '')
          ELSE TRIM(CAST("opening_year" AS TEXT))
        END AS DOUBLE)
      )
      THEN TRY_CAST(CASE
        WHEN REGEXP_FULL_MATCH(TRIM(CAST("opening_year" AS TEXT)), '[+-]?[0-9]+,[0-9]+')
        THEN REPLACE(TRIM(CAST("opening_year" AS TEXT)), ',', '.')
        WHEN REGEXP_FULL_MATCH(TRIM(CAST("opening_year" AS TEXT)), '[+-]?[0-9]{1,3}([.][0-9]{3})+(,[0-9]+)?')
        AND (
          CONTAINS(TRIM(CAST("opening_year" AS TEXT)), ',')
          OR LENGTH(TRIM(CAST("opening_year" AS TEXT))) - LENGTH(REPLACE(TRIM(CAST("opening_year" AS TEXT)), '.', '')) > 1
        )
        THEN REPLACE(REPLACE(TRIM(CAST("opening_year" AS TEXT)), '.', ''), ',', '.')
        WHEN REGEXP_FULL_MATCH(TRIM(CAST("opening_year" AS TEXT)), '[+-]?[0-9]{1,3}(,[0-9]{3})+([.][0-9]+)?')
        THEN REPLACE(TRIM(CAST("opening_year" AS TEXT)), ',', '')
        ELSE TRIM(CAST("opening_year" AS TEXT))
      END AS DOUBLE)
    END
  ) AS INT),
  (
    CASE
      WHEN ISFINITE(
        TRY_CAST(CASE
          WHEN REGEXP_FULL_MATCH(TRIM(CAST("capacity" AS TEXT)), '[+-]?[0-9]+,[0-9]+')
          THEN REPLACE(TRIM(CAST("capacity" AS TEXT)), ',', '.')
          WHEN REGEXP_FULL_MATCH(TRIM(CAST("capacity" AS TEXT)), '[+-]?[0-9]{1,3}([.][0-9]{3})+(,[0-9]+)?')
          AND (
            CONTAINS(TRIM(CAST("capacity" AS TEXT)), ',')
            OR LENGTH(TRIM(CAST("capacity" AS TEXT))) - LENGTH(REPLACE(TRIM(CAST("capacity" AS TEXT)), '.', '')) > 1
          )
          THEN REPLACE(REPLACE(TRIM(CAST("capacity" AS TEXT)), '.', ''), ',', '.')
          WHEN REGEXP_FULL_MATCH(TRIM(CAST("capacity" AS TEXT)), '[+-]?[0-9]{1,3}(,[0-9]{3})+([.][0-9]+)?')
          THEN REPLACE(TRIM(CAST("capacity" AS TEXT)), ',', '')
          ELSE TRIM(CAST("capacity" AS TEXT))
        END AS DOUBLE)
      )
      THEN TRY_CAST(CASE
        WHEN REGEXP_FULL_MATCH(TRIM(CAST("capacity" AS TEXT)), '[+-]?[0-9]+,[0-9]+')
        THEN REPLACE(TRIM(CAST("capacity" AS TEXT)), ',', '.')
        WHEN REGEXP_FULL_MATCH(TRIM(CAST("capacity" AS TEXT)), '[+-]?[0-9]{1,3}([.][0-9]{3})+(,[0-9]+)?')
        AND (
          CONTAINS(TRIM(CAST("capacity" AS TEXT)), ',')
          OR LENGTH(TRIM(CAST("capacity" AS TEXT))) - LENGTH(REPLACE(TRIM(CAST("capacity" AS TEXT)), '.', '')) > 1
        )
        THEN REPLACE(REPLACE(TRIM(CAST("capacity" AS TEXT)), '.', ''), ',', '.')
        WHEN REGEXP_FULL_MATCH(TRIM(CAST("capacity" AS TEXT)), '[+-]?[0-9]{1,3}(,[0-9]{3})+([.][0-9]+)?')
        THEN REPLACE(TRIM(CAST("capacity" AS TEXT)), ',', '')
        ELSE TRIM(CAST("capacity" AS TEXT))
      END AS DOUBLE)
    END
  ),
  NULLIF(TRIM(s.capacity_unit), ''),
  NULLIF(TRIM(s.website), ''),
  NULLIF(TRIM(s.note), ''),
  ?,
  s._row + 1
FROM stg_fac AS s
