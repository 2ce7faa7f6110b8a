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
  (
    SELECT
      ANY_VALUE(p.municipality)
    FROM geo_place AS p
    WHERE
      p.place = LOWER(TRIM(s.city))
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
