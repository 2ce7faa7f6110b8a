INSERT INTO organisation
WITH best AS (
  /* carrying a struct of six fields cost 5x this) */
  SELECT
    ARG_MIN(
      rowid,
      (
        CAST((
          name IS NULL
        ) AS INT128) << 110
      ) + (
        CAST(priority AS INT128) << 100
      ) + (
        CAST((
          2147483647 - batch_id
        ) AS INT128) << 64
      ) + CAST(COALESCE(source_row, 9223372036854775807) AS INT128)
    ) AS r
  FROM organisation_record
  GROUP BY
    pic
), b AS (
  SELECT
    o.pic,
    {'name': name, 'short_name': short_name, 'sme': sme, 'country': country, 'batch_id': batch_id, 'source_row': source_row} AS b
  FROM organisation_record AS o
  SEMI JOIN best
    ON o.rowid = best.r
), a AS (
  SELECT
    pic,
    ARG_MIN(city, priority * 1000000 + source_row) /* address fields may come from a lower-priority record when the best has none */ FILTER(WHERE
      NOT city IS NULL AND TRIM(city) <> '') AS city,
    ARG_MIN(postcode, priority * 1000000 + source_row) FILTER(WHERE
      NOT postcode IS NULL AND TRIM(postcode) <> '') AS postcode,
    ARG_MIN(street, priority * 1000000 + source_row) FILTER(WHERE
      NOT street IS NULL) AS street,
    ARG_MIN(nuts_code, priority) FILTER(WHERE
      NOT nuts_code IS NULL) AS nuts_code,
    ARG_MIN(activity_type, priority) FILTER(WHERE
      NOT activity_type IS NULL) AS activity_type
  FROM organisation_record
  GROUP BY
    pic
), l AS (
  SELECT
    a.*,
    b.b
  FROM a
  JOIN b
    USING (pic)
), p AS (
  SELECT
    pic,
    COUNT(*) AS n,
    MODE(activity_type) AS activity_type,
    MODE(country) AS country,
    ARG_MAX(sme, batch_id) FILTER(WHERE
      NOT sme IS NULL) AS sme
  FROM participation
  GROUP BY
    pic
)
SELECT
  COALESCE(l.pic, p.pic),
  NULLIF(
    TRIM(
      CASE
        WHEN NOT CONTAINS(TRIM(l.b.name), '"')
        THEN TRIM(l.b.name)
        WHEN (
          STARTS_WITH(TRIM(l.b.name), '"')
          AND ENDS_WITH(TRIM(l.b.name), '"')
          AND NOT CONTAINS(TRIM(l.b.name), CHR(10))
        )
        AND LENGTH(TRIM(l.b.name)) > 1
        THEN REPLACE(SUBSTRING(TRIM(l.b.name), 2, LENGTH(TRIM(l.b.name)) - 2), '""', '"')
        WHEN (
          LENGTH(TRIM(l.b.name)) - LENGTH(REPLACE(TRIM(l.b.name), '"', ''))
        ) % 2 = 1
        THEN REGEXP_REPLACE(TRIM(l.b.name), '^"|"$', '', 'g')
        ELSE TRIM(l.b.name)
      END
    ),
    ''
  ),
  COALESCE(
    NULLIF(
      TRIM(
        CASE
          WHEN NOT CONTAINS(TRIM(l.b.name), '"')
          THEN TRIM(l.b.name)
          WHEN (
            STARTS_WITH(TRIM(l.b.name), '"')
            AND ENDS_WITH(TRIM(l.b.name), '"')
            AND NOT CONTAINS(TRIM(l.b.name), CHR(10))
          )
          AND LENGTH(TRIM(l.b.name)) > 1
          THEN REPLACE(SUBSTRING(TRIM(l.b.name), 2, LENGTH(TRIM(l.b.name)) - 2), '""', '"')
          WHEN (
            LENGTH(TRIM(l.b.name)) - LENGTH(REPLACE(TRIM(l.b.name), '"', ''))
          ) % 2 = 1
          THEN REGEXP_REPLACE(TRIM(l.b.name), '^"|"$', '', 'g')
          ELSE TRIM(l.b.name)
        END
      ),
      ''
    ),
    'PIC ' || COALESCE(l.pic, p.pic)
  ),
  NULLIF(
    TRIM(
      CASE
        WHEN NOT CONTAINS(TRIM(l.b.short_name), '"')
        THEN TRIM(l.b.short_name)
        WHEN (
          STARTS_WITH(TRIM(l.b.short_name), '"')
          AND ENDS_WITH(TRIM(l.b.short_name), '"')
          AND NOT CONTAINS(TRIM(l.b.short_name), CHR(10))
        )
        AND LENGTH(TRIM(l.b.short_name)) > 1
        THEN REPLACE(SUBSTRING(TRIM(l.b.short_name), 2, LENGTH(TRIM(l.b.short_name)) - 2), '""', '"')
        WHEN (
          LENGTH(TRIM(l.b.short_name)) - LENGTH(REPLACE(TRIM(l.b.short_name), '"', ''))
        ) % 2 = 1
        THEN REGEXP_REPLACE(TRIM(l.b.short_name), '^"|"$', '', 'g')
        ELSE TRIM(l.b.short_name)
      END
    ),
    ''
  ),
  COALESCE(p.activity_type, l.activity_type) AS act,
  CASE
    WHEN COALESCE(p.activity_type, l.activity_type) IN ('HES', 'OTH', 'PUB', 'REC')
    AND REGEXP_MATCHES(
      UPPER(COALESCE(l.b.name, '')),
      'UNIVERSITAIR MEDISCH CENTRUM|ACADEMISCH (MEDISCH CENTRUM|ZIEKENHUIS)|\bUMC\b|ERASMUS MC|RADBOUDUMC|\bVUMC\b|\bLUMC\b'
    )
    THEN 'umc'
    WHEN COALESCE(p.activity_type, l.activity_type) IN ('HES', 'OTH', 'REC')
    AND REGEXP_MATCHES(UPPER(COALESCE(l.b.name, '')), 'HOGESCHOOL|UNIVERSITY OF APPLIED SCIENCES|\bHBO\b')
    THEN 'uas'
    WHEN COALESCE(p.activity_type, l.activity_type) IN ('HES', 'OTH', 'REC')
    AND REGEXP_MATCHES(UPPER(COALESCE(l.b.name, '')), 'UNIVERSITEIT|UNIVERSITY|TECHNISCHE HOGESCHOOL')
    THEN 'university'
    WHEN COALESCE(p.activity_type, l.activity_type) IN ('OTH', 'PRC', 'REC')
    AND REGEXP_MATCHES(
      UPPER(COALESCE(l.b.name, '')),
      'NEDERLANDSE ORGANISATIE VOOR TOEGEPAST|\bTNO\b|WAGENINGEN RESEARCH|STICHTING DIENST LANDBOUWKUNDIG|DELTARES|LUCHT- EN RUIMTEVAART|\bNLR\b|MARITIME RESEARCH INSTITUTE|\bMARIN\b'
    )
    THEN 'to2'
    WHEN COALESCE(p.activity_type, l.activity_type) IN ('OTH', 'PUB', 'REC')
    AND REGEXP_MATCHES(
      UPPER(COALESCE(l.b.name, '')),
      'NEDERLANDSE ORGANISATIE VOOR WETENSCHAPPELIJK|\bNWO\b|KONINKLIJKE NEDERLANDSE AKADEMIE|\bKNAW\b|STICHTING NEDERLANDSE WETENSCHAPPELIJK ONDERZOEK INSTITUTEN'
    )
    THEN 'nwo_knaw'
    WHEN COALESCE(p.activity_type, l.activity_type) IN ('OTH', 'PUB', 'REC')
    AND REGEXP_MATCHES(
      UPPER(COALESCE(l.b.name, '')),
      'RIJKSINSTITUUT VOOR VOLKSGEZONDHEID|\bRIVM\b|KONINKLIJK NEDERLANDS METEOROLOGISCH|\bKNMI\b|PLANBUREAU|RIJKSWATERSTAAT|NEDERLANDS FORENSISCH'
    )
    THEN 'rki'
    WHEN COALESCE(p.activity_type, l.activity_type) IN ('OTH', 'PUB')
    AND REGEXP_MATCHES(UPPER(COALESCE(l.b.name, '')), '^GEMEENTE\b|\bMUNICIPALITY OF\b')
    THEN 'government_municipal'
    WHEN COALESCE(p.activity_type, l.activity_type) IN ('OTH', 'PUB')
    AND REGEXP_MATCHES(UPPER(COALESCE(l.b.name, '')), '^PROVINCIE\b|\bPROVINCE OF\b')
    THEN 'government_provincial'
    WHEN COALESCE(p.activity_type, l.activity_type) IN ('OTH', 'PUB')
    AND REGEXP_MATCHES(
      UPPER(COALESCE(l.b.name, '')),
      '^MINISTERIE\b|\bMINISTRY OF\b|^STAAT DER NEDERLANDEN'
    )
    THEN 'government_national'
    ELSE CASE COALESCE(p.activity_type, l.activity_type)
      WHEN 'PRC'
      THEN (
        CASE
          WHEN COALESCE(p.sme, l.b.sme)
          THEN 'sme'
          WHEN NOT COALESCE(p.sme, l.b.sme)
          THEN 'large_firm'
          ELSE 'firm'
        END
      )
      WHEN 'HES'
      THEN 'higher_education'
      WHEN 'REC'
      THEN 'research_organisation'
      WHEN 'PUB'
      THEN 'public_body'
      ELSE 'other'
    END
  END,
  COALESCE(p.sme, l.b.sme),
  NULLIF(
    TRIM(
      CASE
        WHEN NOT CONTAINS(TRIM(l.street), '"')
        THEN TRIM(l.street)
        WHEN (
          STARTS_WITH(TRIM(l.street), '"')
          AND ENDS_WITH(TRIM(l.street), '"')
          AND NOT CONTAINS(TRIM(l.street), CHR(10))
        )
        AND LENGTH(TRIM(l.street)) > 1
        THEN REPLACE(SUBSTRING(TRIM(l.street), 2, LENGTH(TRIM(l.street)) - 2), '""', '"')
        WHEN (
          LENGTH(TRIM(l.street)) - LENGTH(REPLACE(TRIM(l.street), '"', ''))
        ) % 2 = 1
        THEN REGEXP_REPLACE(TRIM(l.street), '^"|"$', '', 'g')
        ELSE TRIM(l.street)
      END
    ),
    ''
  ),
  NULLIF(
    TRIM(
      CASE
        WHEN NOT CONTAINS(TRIM(l.postcode), '"')
        THEN TRIM(l.postcode)
        WHEN (
          STARTS_WITH(TRIM(l.postcode), '"')
          AND ENDS_WITH(TRIM(l.postcode), '"')
          AND NOT CONTAINS(TRIM(l.postcode), CHR(10))
        )
        AND LENGTH(TRIM(l.postcode)) > 1
        THEN REPLACE(SUBSTRING(TRIM(l.postcode), 2, LENGTH(TRIM(l.postcode)) - 2), '""', '"')
        WHEN (
          LENGTH(TRIM(l.postcode)) - LENGTH(REPLACE(TRIM(l.postcode), '"', ''))
        ) % 2 = 1
        THEN REGEXP_REPLACE(TRIM(l.postcode), '^"|"$', '', 'g')
        ELSE TRIM(l.postcode)
      END
    ),
    ''
  ),
  NULLIF(
    TRIM(
      CASE
        WHEN NOT CONTAINS(TRIM(l.city), '"')
        THEN TRIM(l.city)
        WHEN (
          STARTS_WITH(TRIM(l.city), '"')
          AND ENDS_WITH(TRIM(l.city), '"')
          AND NOT CONTAINS(TRIM(l.city), CHR(10))
        )
        AND LENGTH(TRIM(l.city)) > 1
        THEN REPLACE(SUBSTRING(TRIM(l.city), 2, LENGTH(TRIM(l.city)) - 2), '""', '"')
        WHEN (
          LENGTH(TRIM(l.city)) - LENGTH(REPLACE(TRIM(l.city), '"', ''))
        ) % 2 = 1
        THEN REGEXP_REPLACE(TRIM(l.city), '^"|"$', '', 'g')
        ELSE TRIM(l.city)
      END
    ),
    ''
  ),
  COALESCE(p.country, l.b.country),
  l.nuts_code,
  l.b.batch_id,
  l.b.source_row,
  COALESCE(p.n, 0)
FROM l
FULL OUTER JOIN p
  ON p.pic = l.pic
