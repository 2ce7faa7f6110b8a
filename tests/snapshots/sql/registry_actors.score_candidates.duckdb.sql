INSERT INTO org_match
WITH cand AS (
  SELECT
    l.actor_id,
    r.org_key,
    MAX(p.s) AS name_score
  FROM _ap AS p
  JOIN _al AS l
    ON l.key = p.lkey
  JOIN _ar AS r
    ON r.key = p.rkey
  GROUP BY
    1,
    2
), ev AS (
  SELECT
    c.*,
    a.name AS left_name,
    g.name AS right_name,
    a.city AS left_city,
    COALESCE(g.city, g.municipality) AS right_city,
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
                    REGEXP_REPLACE(UPPER(STRIP_ACCENTS(COALESCE(a.city, ''))), '[^A-Z0-9]+', ' ', 'g')
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
                REGEXP_REPLACE(UPPER(STRIP_ACCENTS(COALESCE(a.city, ''))), '[^A-Z0-9]+', ' ', 'g')
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
                    REGEXP_REPLACE(UPPER(STRIP_ACCENTS(COALESCE(g.city, ''))), '[^A-Z0-9]+', ' ', 'g')
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
                REGEXP_REPLACE(UPPER(STRIP_ACCENTS(COALESCE(g.city, ''))), '[^A-Z0-9]+', ' ', 'g')
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
      ),
      ''
    ) AS rm
  FROM cand AS c
  JOIN user_actor AS a
    USING (actor_id)
  JOIN registry_org AS g
    USING (org_key)
), scored AS (
  SELECT
    *,
    COALESCE(lc IN (rc, rm), FALSE) AS city_agrees,
    NOT lc IS NULL
    AND NOT COALESCE(rc, rm) IS NULL
    AND NOT COALESCE(lc IN (rc, rm), FALSE) AS city_differs
  FROM ev
), total AS (
  SELECT
    *,
    LEAST(
      100.0,
      name_score + CASE WHEN city_agrees THEN 4 WHEN city_differs THEN -7 ELSE 0 END
    ) AS score
  FROM scored
), ranked AS (
  SELECT
    *,
    ROW_NUMBER() OVER (PARTITION BY actor_id ORDER BY score DESC, org_key) AS rk,
    LEAD(score) OVER (PARTITION BY actor_id ORDER BY score DESC, org_key) AS runner_up_score
  FROM total
  WHERE
    score >= 80.0
)
SELECT
  'actor',
  actor_id,
  'registry',
  org_key,
  score,
  'fuzzy name (rapidfuzz ratio on sorted tokens)' || CASE WHEN city_agrees THEN ' + city' ELSE '' END,
  CASE
    WHEN rk = 1
    AND score >= 92.0
    AND name_score >= 92.0
    AND COALESCE(runner_up_score, 0) <= score - 3.0
    THEN 'matched'
    ELSE 'uncertain'
  END,
  JSON_OBJECT(
    'left_name', left_name,
    'right_name', right_name,
    'name_score', name_score,
    'left_city', left_city,
    'right_city', right_city,
    'city_agrees', city_agrees,
    'city_differs', city_differs,
    'rank', rk
  ),
  CAST(NOW() AS TIMESTAMP)
FROM ranked
WHERE
  rk <= 3
