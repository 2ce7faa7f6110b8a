INSERT INTO org_match
WITH cand AS (
  SELECT
    l.left_id,
    r.ror_id,
    MAX(p.name_score) FILTER(WHERE
      NOT l.stripped AND NOT r.stripped AND NOT p.subset) AS full_score,
    MAX(p.name_score) FILTER(WHERE
      NOT p.subset) AS any_score,
    BOOL_OR(CAST(p.subset AS BOOLEAN)) AS subset,
    ARG_MAX(l.variant, p.name_score * 10 + CAST((
      l.kind = 'name'
    ) AS INT)) AS left_name,
    ARG_MAX(r.variant, p.name_score * 10 + CAST((
      r.kind = 'ror_display'
    ) AS INT)) AS right_name,
    BOOL_OR(
      CAST(l.kind = 'short name'
      AND REGEXP_REPLACE(UPPER(STRIP_ACCENTS(COALESCE(l.variant, ''))), '[^A-Z0-9]', '', 'g') = REGEXP_REPLACE(UPPER(STRIP_ACCENTS(COALESCE(r.variant, ''))), '[^A-Z0-9]', '', 'g')
      AND r.kind IN ('acronym', 'alias') AS BOOLEAN)
    ) AS acronym_agrees
  FROM _rp AS p
  JOIN _rl AS l
    ON l.key = p.lkey
  JOIN _rr AS r
    ON r.key = p.rkey AND r.country = l.country
  GROUP BY
    l.left_id,
    r.ror_id
), ev AS (
  SELECT
    c.*,
    o.city AS left_city,
    rr.city AS right_city,
    rr.municipality AS right_municipality,
    loc.municipality AS left_municipality,
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
                    REGEXP_REPLACE(UPPER(STRIP_ACCENTS(COALESCE(o.city, ''))), '[^A-Z0-9]+', ' ', 'g')
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
                REGEXP_REPLACE(UPPER(STRIP_ACCENTS(COALESCE(o.city, ''))), '[^A-Z0-9]+', ' ', 'g')
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
    ) AS lc,
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
                    REGEXP_REPLACE(UPPER(STRIP_ACCENTS(COALESCE(rr.city, ''))), '[^A-Z0-9]+', ' ', 'g')
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
                REGEXP_REPLACE(UPPER(STRIP_ACCENTS(COALESCE(rr.city, ''))), '[^A-Z0-9]+', ' ', 'g')
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
    ) AS rc,
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
                    REGEXP_REPLACE(UPPER(STRIP_ACCENTS(COALESCE(rr.municipality, ''))), '[^A-Z0-9]+', ' ', 'g')
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
                REGEXP_REPLACE(UPPER(STRIP_ACCENTS(COALESCE(rr.municipality, ''))), '[^A-Z0-9]+', ' ', 'g')
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
    ) AS rm,
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
                    REGEXP_REPLACE(UPPER(STRIP_ACCENTS(COALESCE(loc.municipality, ''))), '[^A-Z0-9]+', ' ', 'g')
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
                REGEXP_REPLACE(UPPER(STRIP_ACCENTS(COALESCE(loc.municipality, ''))), '[^A-Z0-9]+', ' ', 'g')
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
    ) AS lm,
    NULLIF(
      REGEXP_EXTRACT(LOWER(COALESCE(r2.url, '')), '^(?:https?://)?(?:www\.)?([^/:]+)', 1),
      ''
    ) AS ld,
    NULLIF(
      REGEXP_EXTRACT(LOWER(COALESCE(rr.website, '')), '^(?:https?://)?(?:www\.)?([^/:]+)', 1),
      ''
    ) AS rd
  FROM cand AS c
  JOIN organisation AS o
    ON CAST(o.pic AS TEXT) = c.left_id
  JOIN ror_record AS rr
    ON rr.ror_id = c.ror_id
  LEFT JOIN org_location AS loc
    ON loc.pic = o.pic
  LEFT JOIN (
    SELECT
      pic,
      ARG_MIN(url, priority) AS url
    FROM organisation_record /* the candidates' records only */
    WHERE
      NOT url IS NULL AND CAST(pic AS TEXT) IN (
        SELECT
          left_id
        FROM cand
      )
    GROUP BY
      pic
  ) AS r2
    ON r2.pic = o.pic
), scored AS (
  SELECT
    *,
    (
      NOT lc IS NULL AND (
        lc IN (rc, rm)
      )
    )
    OR (
      NOT lm IS NULL AND lm IN (rc, rm)
    ) AS city_agrees,
    NOT lc IS NULL
    AND NOT COALESCE(rc, rm) IS NULL
    AND NOT (
      (
        lc IN (rc, rm)
      ) OR COALESCE(lm IN (rc, rm), FALSE)
    ) AS city_differs,
    NOT ld IS NULL AND ld = rd AS domain_agrees
  FROM ev
), named AS (
  SELECT
    *,
    CASE
      WHEN city_agrees
      THEN GREATEST(any_score, CASE WHEN subset THEN 93.0 END)
      ELSE COALESCE(full_score, 0)
    END AS name_score
  FROM scored
), total AS (
  SELECT
    *,
    LEAST(
      100.0,
      name_score + CASE WHEN city_agrees THEN 4 WHEN city_differs THEN -7.0 ELSE 0 END + CASE WHEN acronym_agrees THEN 4 ELSE 0 END + CASE WHEN domain_agrees THEN 6 ELSE 0 END
    ) AS score
  FROM named
), ranked AS (
  SELECT
    *,
    ROW_NUMBER() OVER (PARTITION BY left_id ORDER BY score DESC, name_score DESC, ror_id) AS rk,
    LEAD(score) OVER (PARTITION BY left_id ORDER BY score DESC, name_score DESC, ror_id) AS runner_up_score,
    LEAD(ror_id) OVER (PARTITION BY left_id ORDER BY score DESC, name_score DESC, ror_id) AS runner_up,
    subset /* a word-subset candidate does not stand when another record's name itself is closer */
    AND name_score > COALESCE(any_score, 0)
    AND MAX(COALESCE(any_score, 0)) OVER (PARTITION BY left_id) >= GREATEST(COALESCE(any_score, 0) + 1, 90.0) AS outnamed
  FROM total
  WHERE
    score >= 80.0
)
SELECT
  'pic',
  left_id,
  'ror',
  ror_id,
  score,
  CASE
    WHEN name_score = 100
    THEN 'exact normalised name'
    ELSE 'fuzzy name (rapidfuzz ratio on sorted tokens)'
  END || CASE
    WHEN subset AND COALESCE(any_score, 0) < name_score
    THEN ' (one name holds all words of the other)'
    WHEN COALESCE(full_score, 0) < name_score
    THEN ' (without the city name)'
    ELSE ''
  END || CASE WHEN city_agrees THEN ' + city' ELSE '' END || CASE WHEN acronym_agrees THEN ' + acronym' ELSE '' END || CASE WHEN domain_agrees THEN ' + web domain' ELSE '' END,
  CASE
    WHEN rk = 1
    AND score >= 92.0
    AND name_score >= 92.0
    AND NOT outnamed
    AND COALESCE(runner_up_score, 0) <= score - 3.0
    THEN 'matched'
    ELSE 'uncertain'
  END,
  JSON_OBJECT(
    'left_name', left_name,
    'right_name', right_name,
    'name_score', name_score,
    'left_city', left_city,
    'right_city', COALESCE(right_city, right_municipality),
    'city_agrees', city_agrees,
    'city_differs', city_differs,
    'acronym_agrees', acronym_agrees,
    'domain_agrees', domain_agrees,
    'rank', rk,
    'runner_up', runner_up,
    'runner_up_score', runner_up_score,
    'word_subset', subset,
    'outnamed', outnamed
  ),
  CAST(NOW() AS TIMESTAMP)
FROM ranked
WHERE
  rk <= 3
