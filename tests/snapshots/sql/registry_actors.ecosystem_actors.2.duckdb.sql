INSERT INTO ecosystem_actor
SELECT
  ecosystem_id,
  actor_id,
  ANY_VALUE(actor_type),
  ANY_VALUE(unit),
  MIN(how)
FROM (
  SELECT
    m.ecosystem_id,
    a.actor_id,
    a.actor_type,
    au.unit,
    'member' AS how
  FROM user_actor AS a
  JOIN (
    SELECT
      m.left_id AS actor_id,
      MIN(u.unit) AS unit
    FROM org_match AS m
    JOIN registry_identifier AS i
      ON i.org_key = m.right_id AND i.scheme = 'pic'
    JOIN analysis_unit AS u
      ON u.pic = CAST(i.value AS BIGINT)
    WHERE
      m.left_scheme = 'actor' AND m.status IN ('matched', 'accepted')
    GROUP BY
      1
  ) AS au
    USING (actor_id)
  JOIN ecosystem_member AS m
    ON m.pic = au.unit
  UNION ALL
  SELECT
    ? AS ecosystem_id,
    a.actor_id,
    a.actor_type,
    au.unit,
    'selected' AS how
  FROM user_actor AS a
  LEFT JOIN (
    SELECT
      m.left_id AS actor_id,
      MIN(u.unit) AS unit
    FROM org_match AS m
    JOIN registry_identifier AS i
      ON i.org_key = m.right_id AND i.scheme = 'pic'
    JOIN analysis_unit AS u
      ON u.pic = CAST(i.value AS BIGINT)
    WHERE
      m.left_scheme = 'actor' AND m.status IN ('matched', 'accepted')
    GROUP BY
      1
  ) AS au
    USING (actor_id)
  WHERE
    ARRAY_CONTAINS(CAST(? AS TEXT[]), a.actor_type)
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
    ) IN (
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
                      REGEXP_REPLACE(UPPER(STRIP_ACCENTS(COALESCE(g.name, ''))), '[^A-Z0-9]+', ' ', 'g')
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
                  REGEXP_REPLACE(UPPER(STRIP_ACCENTS(COALESCE(g.name, ''))), '[^A-Z0-9]+', ' ', 'g')
                ),
                '^[0-9]{4} ?[A-Z]{2} ',
                ''
              ),
              ' (GLD|GE|NB|ZH|NH|UT|LB|LI|OV|GR|FR|FL|DR|ZL|ZLD|ZE|L)$',
              ''
            )
          )
        )
      FROM geo_region AS g
      WHERE
        g.level = 'municipality'
        AND (
          ARRAY_CONTAINS(CAST(? AS TEXT[]), LOWER(g.name))
          OR ARRAY_CONTAINS(CAST(? AS TEXT[]), UPPER(g.code))
        )
    )
    AND EXISTS(
      SELECT
        1
      FROM user_relation AS r
      WHERE
        ARRAY_CONTAINS(CAST(? AS TEXT[]), r.relation_type)
        AND (
          (
            LOWER(r.source_ref) = LOWER(a.actor_id)
            AND LOWER(r.target_ref) IN (
              SELECT
                UNNEST(CAST(? AS TEXT[])) AS ref
              UNION
              SELECT
                LOWER(ref)
              FROM (
                SELECT
                  m.ecosystem_id,
                  'pic:' || u.pic AS ref
                FROM ecosystem_member AS m
                JOIN analysis_unit AS u
                  ON u.unit = m.pic
                UNION
                SELECT
                  m.ecosystem_id,
                  i.org_key
                FROM ecosystem_member AS m
                JOIN analysis_unit AS u
                  ON u.unit = m.pic
                JOIN registry_identifier AS i
                  ON i.scheme = 'pic' AND i.value = CAST(u.pic AS TEXT)
                WHERE
                  i.org_key LIKE 'ror:%'
              ) AS mr
              WHERE
                mr.ecosystem_id = ?
            )
          )
          OR (
            LOWER(r.target_ref) = LOWER(a.actor_id)
            AND LOWER(r.source_ref) IN (
              SELECT
                UNNEST(CAST(? AS TEXT[])) AS ref
              UNION
              SELECT
                LOWER(ref)
              FROM (
                SELECT
                  m.ecosystem_id,
                  'pic:' || u.pic AS ref
                FROM ecosystem_member AS m
                JOIN analysis_unit AS u
                  ON u.unit = m.pic
                UNION
                SELECT
                  m.ecosystem_id,
                  i.org_key
                FROM ecosystem_member AS m
                JOIN analysis_unit AS u
                  ON u.unit = m.pic
                JOIN registry_identifier AS i
                  ON i.scheme = 'pic' AND i.value = CAST(u.pic AS TEXT)
                WHERE
                  i.org_key LIKE 'ror:%'
              ) AS mr
              WHERE
                mr.ecosystem_id = ?
            )
          )
        )
    )
)
GROUP BY
  ecosystem_id,
  actor_id
