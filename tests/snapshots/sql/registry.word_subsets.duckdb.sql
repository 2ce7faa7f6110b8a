WITH l AS (
  SELECT DISTINCT
    key,
    country,
    STR_SPLIT(key, ' ') AS toks
  FROM _rl
), r AS (
  SELECT DISTINCT
    key,
    country,
    STR_SPLIT(key, ' ') AS toks
  FROM _rr
), lt AS (
  SELECT
    key,
    country,
    toks,
    UNNEST(toks) AS tok
  FROM l
), rt AS (
  SELECT
    key,
    country,
    toks,
    UNNEST(toks) AS tok
  FROM r
)
SELECT DISTINCT
  lt.key,
  rt.key
FROM lt
JOIN rt
  ON lt.tok = rt.tok AND lt.country = rt.country
WHERE
  NOT lt.tok IN (
    SELECT
      tok
    FROM _common
  )
  AND lt.key <> rt.key
  AND (
    LIST_HAS_ALL(lt.toks, rt.toks) OR LIST_HAS_ALL(rt.toks, lt.toks)
  )
