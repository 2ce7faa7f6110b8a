"""Queries behind innovatlas.registry: the organisation registry (issue 14).

Name normalisation as SQL expressions (:func:`tokens_sql`, :func:`norm_name_sql`,
:func:`sorted_name_sql`, :func:`acronym_sql`, re-exported by :mod:`innovatlas.registry.normalise`),
the PIC <-> ROR resolution (:mod:`innovatlas.registry.resolve`), the derived ``registry_*`` tables
(:mod:`innovatlas.registry`), review decisions (:mod:`innovatlas.registry.review`), placement and
coverage through the registry (:mod:`innovatlas.registry.coverage`), the gold-set evaluation
(:mod:`innovatlas.registry.evaluate`) and the ROR record import (:mod:`innovatlas.registry.ror_records`).
The user's own actors are in :mod:`innovatlas.store.queries.registry_actors`.

The resolution works in the workspace's own temporary tables (``_rl``, ``_rr``, ``_rp``, ``_links``,
...), so every statement that writes (imports, DDL, the derived tables, decisions) runs on DuckDB only.
"""

from __future__ import annotations

from innovatlas.model.registry import (
    CITY_DIFFERS_PENALTY,
    GENERIC,
    LEGAL_FORMS,
    MATCH_SCORE,
    PHRASES,
    STOPWORDS,
    TOKENS,
    UNCERTAIN_SCORE,
)
from innovatlas.store.relational import DUCKDB_ONLY, builder, dynamic, query


# -- fragments: name normalisation (SQL expressions, set-based: one pass over a table) ----------------------------
def _lit(s: str) -> str:
    return "'" + s.replace("'", "''") + "'"


def _clean(expr: str) -> str:
    e = f"upper(strip_accents(coalesce(CAST({expr} AS VARCHAR), '')))"
    # ROR's country qualifier of company names: 'Siemens (Netherlands)'
    e = f"regexp_replace({e}, '\\((THE )?(NETHERLANDS|NEDERLAND|HOLLAND)\\)', ' ', 'g')"
    e = f"replace(replace(replace({e}, '&AMP;', ' AND '), '&#X0026;', ' AND '), '&', ' AND ')"
    e = f"regexp_replace({e}, '[.''’]', '', 'g')"            # B.V. -> BV, 's-Gravenhage -> S GRAVENHAGE
    e = f"' ' || trim(regexp_replace({e}, '[^A-Z0-9]+', ' ', 'g')) || ' '"
    for old, new in PHRASES:
        if new.startswith(" "):      # split a glued word (HANZEHOGESCHOOL)
            e = f"replace({e}, {_lit(old)}, {_lit(new)})"
        else:
            e = f"replace({e}, {_lit(' ' + old + ' ')}, {_lit(' ' + new + ' ')})"
    return e


def tokens_sql(expr: str) -> str:
    """SQL list of the normalised tokens of a name."""
    m = "MAP {" + ", ".join(f"{_lit(k)}: {_lit(v)}" for k, v in TOKENS.items()) + "}"
    drop = ", ".join(_lit(w) for w in sorted(STOPWORDS | LEGAL_FORMS))
    mapped = (f"string_split(array_to_string(list_transform(string_split(trim(regexp_replace({_clean(expr)}, ' +', ' ', 'g')), ' '), "
              f"lambda t: coalesce(list_extract(map_extract({m}, t), 1), t)), ' '), ' ')")
    kept = f"list_filter({mapped}, lambda t: t <> '' AND t NOT IN ({drop}))"
    # a trailing country word qualifies a branch ('SIEMENS NEDERLAND NV', 'Imec the Netherlands'); elsewhere it is
    # part of the name ('Netherlands Cancer Institute')
    trimmed = f"regexp_replace(array_to_string({kept}, ' '), '(.) NETHERLANDS$', '\\1')"
    return f"list_filter(string_split({trimmed}, ' '), lambda t: t <> '')"


def norm_name_sql(expr: str) -> str:
    return f"array_to_string({tokens_sql(expr)}, ' ')"


def sorted_name_sql(expr: str) -> str:
    return f"array_to_string(list_sort({tokens_sql(expr)}), ' ')"


def acronym_sql(expr: str) -> str:
    """The raw value as an acronym key: upper-case letters and digits only (``TU/e`` -> ``TUE``)."""
    return f"regexp_replace(upper(strip_accents(coalesce({expr}, ''))), '[^A-Z0-9]', '', 'g')"


def place_sql(expr: str) -> str:
    """The CBS place canon of a place name (the expression :mod:`innovatlas.organisations` places with)."""
    from innovatlas.store.queries.organisations import _canon

    return _canon(expr)


@builder("registry.normalise", (False,), (True,))
def normalise(sort: bool, names: list[str] | None = None):
    """The normalised (or sorted normalised) name of each of ``names``, in order (``(i, name)`` rows)."""
    names = ["TECHNISCHE UNIVERSITEIT DELFT"] if names is None else list(names)  # the example: one name
    expr = sorted_name_sql("n") if sort else norm_name_sql("n")
    return dynamic("registry.normalise",
                   f"SELECT i, {expr} FROM (SELECT unnest(CAST(? AS VARCHAR[])) AS n, generate_subscripts(CAST(? AS VARCHAR[]), 1) AS i) ORDER BY i",
                   [names, names], engines=DUCKDB_ONLY)


# -- shared statements ------------------------------------------------------------------------------------------
@builder("registry.drop_table", ("_rl",))
def drop_table(table: str):
    """Drop one of the resolution's temporary tables (when it exists)."""
    return dynamic("registry.drop_table", f"DROP TABLE IF EXISTS {table}", engines=DUCKDB_ONLY)


@builder("registry.clear_table", ("registry_org",))
def clear_table(table: str):
    """Empty a derived table before it is derived again."""
    return dynamic("registry.clear_table", f"DELETE FROM {table}", engines=DUCKDB_ONLY)


@builder("registry.drop_orphans", ("ror_record",))
def drop_orphans(table: str):
    """Remove the rows whose import batch was replaced."""
    return dynamic("registry.drop_orphans", f"DELETE FROM {table} WHERE batch_id NOT IN (SELECT batch_id FROM import_batch)",
                   engines=DUCKDB_ONLY)


COUNT_ORG_MATCH = query("registry.count_org_match", "SELECT count(*) FROM org_match")
COUNT_USER_ACTOR = query("registry.count_user_actor", "SELECT count(*) FROM user_actor")
COUNT_ROR_RECORDS = query("registry.count_ror_records", "SELECT count(*) FROM ror_record")
MATCH_STATUS_COUNTS = query("registry.match_status_counts", "SELECT status, count(*) FROM org_match GROUP BY 1")


# -- the derived registry tables (innovatlas.registry) -----------------------------------------------------------
_LINKS = """
    SELECT CAST(left_id AS BIGINT) AS pic, right_id AS ror_id, method FROM org_match
    WHERE left_scheme = 'pic' AND right_scheme = 'ror' AND status IN ('accepted', 'matched')
    QUALIFY row_number() OVER (PARTITION BY left_id ORDER BY (status = 'accepted') DESC, score DESC NULLS FIRST, right_id) = 1
"""

#: the PICs of one VAT group (org_match right_scheme 'vat', matched or accepted), with the group's lowest PIC
_VAT_GROUPS = """
    SELECT CAST(left_id AS BIGINT) AS pic, right_id AS vat, min(CAST(left_id AS BIGINT)) OVER (PARTITION BY right_id) AS lead
    FROM org_match WHERE left_scheme = 'pic' AND right_scheme = 'vat' AND status IN ('matched', 'accepted')
    QUALIFY row_number() OVER (PARTITION BY left_id ORDER BY right_id) = 1"""

# A PIC without a ROR link takes the ROR record of the PICs sharing its VAT number, when they name one only.
LINKS_TEMP = query("registry.links_temp", f"""
    CREATE OR REPLACE TEMP TABLE _links AS
    WITH l AS ({_LINKS}), g AS ({_VAT_GROUPS}),
         gr AS (SELECT g.vat, min(l.ror_id) AS ror_id FROM g JOIN l USING (pic) GROUP BY 1 HAVING count(DISTINCT l.ror_id) = 1)
    SELECT pic, ror_id, method FROM l
    UNION ALL
    SELECT g.pic, gr.ror_id, 'deterministic: same VAT number as a PIC linked to ROR' FROM g JOIN gr USING (vat)
    WHERE g.pic NOT IN (SELECT pic FROM l)""", engines=DUCKDB_ONLY)

#: PIC -> the lowest PIC of its VAT group, for the groups without a ROR record (they are 'pic:<lead>')
VAT_LEADS_TEMP = query("registry.vat_leads_temp", f"""
    CREATE OR REPLACE TEMP TABLE _vlead AS
    SELECT pic, lead FROM ({_VAT_GROUPS}) g WHERE g.pic NOT IN (SELECT pic FROM _links) AND g.lead NOT IN (SELECT pic FROM _links)""",
                       engines=DUCKDB_ONLY)

# An organisation's key is 'ror:<id>' when it has a ROR link, else 'pic:<pic>'; the statements below take it
# from the few links instead of materialising a key for every organisation (issue 20).
DERIVE_ORG = query("registry.derive_org", """
        INSERT INTO registry_org
        WITH ror AS (SELECT * FROM ror_record QUALIFY row_number() OVER (PARTITION BY ror_id ORDER BY batch_id DESC) = 1),
        parent AS (SELECT ror_id, min(related_id) AS parent FROM ror_relationship WHERE rel_type = 'parent' GROUP BY 1),
        per_ror AS (SELECT k.ror_id, sum(o.participations) AS n, string_agg(DISTINCT k.method, '; ' ORDER BY k.method) AS methods
                    FROM _links k JOIN organisation o USING (pic) GROUP BY 1)
        SELECT 'ror:' || r.ror_id, r.name, r.types, r.country_code, r.city, r.municipality, r.nuts3_code, r.lat, r.lng,
               CASE WHEN p.parent IS NOT NULL THEN 'ror:' || p.parent END, coalesce(pr.n, 0),
               CASE WHEN pr.ror_id IS NULL THEN 'ror only' ELSE 'ror + pic: ' || pr.methods END
        FROM ror r LEFT JOIN parent p USING (ror_id) LEFT JOIN per_ror pr USING (ror_id)
        UNION ALL
        SELECT 'pic:' || o.pic, o.label, o.actor_type, o.country, o.city, loc.municipality, o.nuts_code, NULL, NULL, NULL,
               o.participations + coalesce(vg.n, 0), CASE WHEN vg.n IS NULL THEN 'pic only' ELSE 'pics with one VAT number' END
        FROM organisation o LEFT JOIN org_location loc USING (pic)  -- the PICs without a ROR link
        LEFT JOIN (SELECT v.lead, sum(x.participations) AS n FROM _vlead v JOIN organisation x USING (pic)
                   WHERE v.pic <> v.lead GROUP BY 1) vg ON vg.lead = o.pic
        WHERE o.pic NOT IN (SELECT pic FROM _links) AND o.pic NOT IN (SELECT pic FROM _vlead WHERE pic <> lead)""",
                   engines=DUCKDB_ONLY)

DERIVE_IDENTIFIER_ROR = query("registry.derive_identifier_ror", """
        INSERT INTO registry_identifier
        SELECT DISTINCT 'ror:' || ror_id, 'ror', ror_id, NULL, 'ror' FROM ror_record
        UNION ALL
        SELECT DISTINCT 'ror:' || ror_id, scheme, value, NULL, 'ror' FROM ror_external_id""", engines=DUCKDB_ONLY)

# The PIC identifiers, one statement per source (their sources differ, so no row is in both): the organisation
# key comes from the few ROR links ('ror:<id>', else 'pic:<pic>'), so no statement joins every
# organisation's key with every participation (issue 20); each (pic, framework, source) is one row already.
_KEY = "coalesce('ror:' || l.ror_id, 'pic:' || coalesce(vl.lead, f.pic))"


def _pic_identifiers(part: str) -> str:
    return f"""
            INSERT INTO registry_identifier
            SELECT {_KEY}, 'pic', CAST(f.pic AS VARCHAR), f.framework, f.source
            FROM ({part}) f LEFT JOIN _links l USING (pic) LEFT JOIN _vlead vl USING (pic)
            WHERE f.pic IN (SELECT pic FROM organisation)"""


#: the PIC identifiers from the participations, then from the organisation tables (run in this order)
DERIVE_IDENTIFIER_PIC = (
    query("registry.derive_identifier_pic_participations", _pic_identifiers(
        """SELECT DISTINCT p.pic, pr.framework, 'cordis participations' AS source
                    FROM participation p JOIN project pr USING (project_key)"""), engines=DUCKDB_ONLY),
    query("registry.derive_identifier_pic_records", _pic_identifiers(
        """SELECT DISTINCT r.pic, CASE WHEN b.dataset LIKE '%fp7%' THEN 'FP7' WHEN b.dataset LIKE '%h2020%' THEN 'H2020' END
                           AS framework, b.dataset AS source
                    FROM organisation_record r JOIN import_batch b USING (batch_id)
                    WHERE b.dataset <> 'cordis participations'"""), engines=DUCKDB_ONLY),
)

DERIVE_IDENTIFIER_VAT = query("registry.derive_identifier_vat", f"""
        INSERT INTO registry_identifier
        SELECT DISTINCT {_KEY}, 'vat', f.vat, NULL, b.dataset
        FROM organisation_vat f JOIN import_batch b USING (batch_id) LEFT JOIN _links l USING (pic) LEFT JOIN _vlead vl USING (pic)
        WHERE f.pic IN (SELECT pic FROM organisation)""", engines=DUCKDB_ONLY)

DERIVE_NAME_ROR = query("registry.derive_name_ror",
                        "INSERT INTO registry_name SELECT DISTINCT 'ror:' || ror_id, name, kind, lang, 'ror' FROM ror_name",
                        engines=DUCKDB_ONLY)


def _cordis_names(col: str, kind: str) -> str:
    return f"""
            INSERT INTO registry_name
            SELECT DISTINCT {_KEY}, trim(f.{col}), '{kind}', NULL, b.dataset
            FROM organisation_record f LEFT JOIN _links l USING (pic) LEFT JOIN _vlead vl USING (pic)
            JOIN import_batch b USING (batch_id)
            WHERE nullif(trim(f.{col}), '') IS NOT NULL AND f.pic IN (SELECT pic FROM organisation)"""


#: names and short names in one statement each (their kinds differ, so no row is in both), one DISTINCT each
DERIVE_NAME_CORDIS = (
    query("registry.derive_name_cordis_name", _cordis_names("name", "name"), engines=DUCKDB_ONLY),
    query("registry.derive_name_cordis_short_name", _cordis_names("short_name", "short name"), engines=DUCKDB_ONLY),
)

DERIVE_RELATION = query("registry.derive_relation", """
        INSERT INTO registry_relation
        SELECT DISTINCT 'ror:' || ror_id, rel_type, 'ror:' || related_id, label, 'ror' FROM ror_relationship""",
                        engines=DUCKDB_ONLY)

ORG_KEY_OF_PIC = query("registry.org_key_of_pic",
                       "SELECT org_key FROM registry_identifier WHERE scheme = 'pic' AND value = ? LIMIT 1")

SUMMARY = query("registry.summary", """
        SELECT (SELECT count(*) FROM registry_org) AS organisations,
               (SELECT count(*) FROM registry_org WHERE basis LIKE 'ror + pic%') AS linked,
               (SELECT count(DISTINCT left_id) FROM org_match WHERE status IN ('matched', 'accepted')) AS pics_linked,
               (SELECT count(*) FROM org_match WHERE status = 'uncertain') AS uncertain,
               (SELECT count(*) FROM match_decision) AS decisions""")


# -- VAT numbers: deterministic identifiers (innovatlas.registry.resolve.match_vat) ------------------------------
def vat_sql(expr: str, country: str) -> str:
    """A VAT number normalised: upper case, no spaces, dots, dashes or slashes, with its country prefix (the
    organisation's country when the number has none; Greece is EL); NULL when nothing like a VAT number is left
    (empty, '.', only zeros)."""
    raw = f"regexp_replace(upper(coalesce(CAST({expr} AS VARCHAR), '')), '[^A-Z0-9]', '', 'g')"
    pre = f"CASE WHEN upper({country}) = 'GR' THEN 'EL' ELSE upper({country}) END"
    full = f"CASE WHEN regexp_full_match({raw}, '[A-Z]{{2}}.*') THEN {raw} ELSE {pre} || {raw} END"
    # a placeholder of zeros ('00000000000') is no number
    return (f"CASE WHEN regexp_full_match({full}, '[A-Z]{{2}}[0-9][0-9A-Z]{{1,13}}') "
            f"AND NOT regexp_full_match({full}, '[A-Z]{{2}}0+') THEN {full} END")


DELETE_VAT_MATCHES = query("registry.delete_vat_matches",
                           "DELETE FROM org_match WHERE left_scheme = 'pic' AND right_scheme = 'vat'", engines=DUCKDB_ONLY)

#: every PIC whose VAT number another PIC shares: one organisation (deterministic), with the evidence
MATCH_VAT = query("registry.match_vat", """
        INSERT INTO org_match
        WITH v AS (SELECT DISTINCT v.pic, v.vat FROM organisation_vat v SEMI JOIN organisation o ON o.pic = v.pic),
             g AS (SELECT vat, list(pic ORDER BY pic) AS pics FROM v GROUP BY vat HAVING count(*) >= 2)
        SELECT 'pic', CAST(v.pic AS VARCHAR), 'vat', v.vat, 100, 'deterministic: same VAT number', 'matched',
               json_object('left_name', o.label, 'vat', v.vat, 'pics', g.pics), now()::TIMESTAMP
        FROM v JOIN g USING (vat) JOIN organisation o ON o.pic = v.pic""", engines=DUCKDB_ONLY)

COUNT_VAT_NUMBERS = query("registry.count_vat_numbers", "SELECT count(DISTINCT pic) FROM organisation_vat")


# -- resolution: CORDIS organisations (PICs) <-> ROR records (innovatlas.registry.resolve) ----------------------
DELETE_PIC_ROR_MATCHES = query("registry.delete_pic_ror_matches",
                               "DELETE FROM org_match WHERE left_scheme = 'pic' AND right_scheme = 'ror'",
                               engines=DUCKDB_ONLY)

#: the part of a name after a hierarchy marker (directorate-general, location), '' when there is none
_UNIT_PART = ("trim(regexp_extract(upper(coalesce({col}, '')), "
              "'(?:(?:DIRECTORAAT|DIRECTORATE)[ -]GENERA+L|\\bLOCA(?:TIE|TION))\\s+(.+)$', 1))")

LEFT_VARIANTS_TEMP = query("registry.left_variants_temp", f"""
        CREATE TEMP TABLE _rl AS
        WITH v AS (
            SELECT o.pic, o.country, r.name AS variant, 'name' AS kind FROM organisation_record r JOIN organisation o USING (pic)
            WHERE r.name IS NOT NULL AND o.country IN (SELECT DISTINCT country_code FROM ror_record)
            UNION SELECT o.pic, o.country, r.short_name, 'short name' FROM organisation_record r JOIN organisation o USING (pic)
            WHERE r.short_name IS NOT NULL AND length(trim(r.short_name)) >= 2
              AND o.country IN (SELECT DISTINCT country_code FROM ror_record)
            -- a unit named after a hierarchy marker ('MINISTERIE VAN FINANCIEN DIRECTORAAT GENERAAL BELASTINGDIENST'):
            -- the unit's own name is a variant too
            UNION SELECT o.pic, o.country, {_UNIT_PART.format(col='r.name')}, 'unit name'
            FROM organisation_record r JOIN organisation o USING (pic)
            WHERE {_UNIT_PART.format(col='r.name')} <> '' AND o.country IN (SELECT DISTINCT country_code FROM ror_record)
        )
        , k AS (
            SELECT CAST(v.pic AS VARCHAR) AS left_id, v.country, v.variant, v.kind, list_sort({tokens_sql('v.variant')}) AS toks,
                   {tokens_sql('o.city')} AS city_toks
            FROM v JOIN organisation o USING (pic) WHERE v.country IN (SELECT DISTINCT country_code FROM ror_record)
        )
        SELECT left_id, country, variant, kind, false AS stripped, array_to_string(toks, ' ') AS key FROM k
        UNION ALL  -- the name without its city ('ERASMUS ... ROTTERDAM'); counts only when the cities agree
        SELECT left_id, country, variant, kind, true, array_to_string(list_filter(toks, lambda t: NOT list_contains(city_toks, t)), ' ')
        FROM k WHERE len(city_toks) > 0 AND len(list_filter(toks, lambda t: NOT list_contains(city_toks, t))) >= 2
                 AND len(list_filter(toks, lambda t: NOT list_contains(city_toks, t))) < len(toks)""", engines=DUCKDB_ONLY)

RIGHT_VARIANTS_TEMP = query("registry.right_variants_temp", f"""
        CREATE TEMP TABLE _rr AS
        WITH k AS (
            SELECT DISTINCT n.ror_id, r.country_code AS country, n.name AS variant, n.kind, list_sort({tokens_sql('n.name')}) AS toks,
                   list_concat({tokens_sql('r.city')}, {tokens_sql('r.municipality')}) AS city_toks
            FROM ror_name n JOIN ror_record r USING (ror_id)
        )
        SELECT ror_id, country, variant, kind, false AS stripped, array_to_string(toks, ' ') AS key FROM k
        UNION ALL
        SELECT ror_id, country, variant, kind, true, array_to_string(list_filter(toks, lambda t: NOT list_contains(city_toks, t)), ' ')
        FROM k WHERE len(city_toks) > 0 AND len(list_filter(toks, lambda t: NOT list_contains(city_toks, t))) >= 2
                 AND len(list_filter(toks, lambda t: NOT list_contains(city_toks, t))) < len(toks)""", engines=DUCKDB_ONLY)

# a key of one or two letters ('S&T' and 'AT&T' both become 'T') identifies nothing
DROP_SHORT_LEFT_KEYS = query("registry.drop_short_left_keys", "DELETE FROM _rl WHERE length(replace(key, ' ', '')) < 3",
                             engines=DUCKDB_ONLY)
DROP_SHORT_RIGHT_KEYS = query("registry.drop_short_right_keys", "DELETE FROM _rr WHERE length(replace(key, ' ', '')) < 3",
                              engines=DUCKDB_ONLY)

PLACE_TOKENS = query("registry.place_tokens", f"""SELECT DISTINCT unnest({tokens_sql('n')}) FROM (
        SELECT name AS n FROM geo_region UNION SELECT city FROM ror_record UNION SELECT municipality FROM ror_record)""")

BLOCK_COUNTRIES = query("registry.block_countries", "SELECT DISTINCT country FROM _rl ORDER BY 1")
LEFT_KEYS = query("registry.left_keys", "SELECT DISTINCT key FROM _rl WHERE country = ? ORDER BY 1")
RIGHT_KEYS = query("registry.right_keys", "SELECT DISTINCT key FROM _rr WHERE country = ? ORDER BY 1")

COMMON_TOKENS_TEMP = query("registry.common_tokens_temp",
                           "CREATE OR REPLACE TEMP TABLE _common AS SELECT unnest(CAST(? AS VARCHAR[])) AS tok", engines=DUCKDB_ONLY)

# Word subset ('SAXION' in 'SAXION HOGESCHOOL'), set-based: pairs of keys sharing a distinctive word (not
# generic, not a place name) where one key holds all words of the other. Counts only when the cities agree.
WORD_SUBSETS = query("registry.word_subsets", """
        WITH l AS (SELECT DISTINCT key, country, string_split(key, ' ') AS toks FROM _rl),
             r AS (SELECT DISTINCT key, country, string_split(key, ' ') AS toks FROM _rr),
             lt AS (SELECT key, country, toks, unnest(toks) AS tok FROM l),
             rt AS (SELECT key, country, toks, unnest(toks) AS tok FROM r)
        SELECT DISTINCT lt.key, rt.key FROM lt JOIN rt ON lt.tok = rt.tok AND lt.country = rt.country
        WHERE lt.tok NOT IN (SELECT tok FROM _common) AND lt.key <> rt.key
          AND (list_has_all(lt.toks, rt.toks) OR list_has_all(rt.toks, lt.toks))""")

DROP_COMMON_TOKENS = query("registry.drop_common_tokens", "DROP TABLE _common", engines=DUCKDB_ONLY)

PAIRS_TEMP = query("registry.pairs_temp",
                   "CREATE TEMP TABLE _rp (lkey VARCHAR, rkey VARCHAR, name_score DOUBLE, subset BOOLEAN)",
                   engines=DUCKDB_ONLY)
INSERT_PAIRS = query("registry.insert_pairs",
                     "INSERT INTO _rp SELECT unnest(CAST(? AS VARCHAR[])), unnest(CAST(? AS VARCHAR[])), unnest(CAST(? AS DOUBLE[])), unnest(CAST(? AS BOOLEAN[]))",
                     engines=DUCKDB_ONLY)


@builder("registry.score_candidates", ("exact normalised name", "fuzzy name (rapidfuzz ratio on sorted tokens)", 93.0, 90.0, 3.0))
def score_candidates(method_exact: str, method_fuzzy: str, subset_score: float, outnamed_score: float,
                     ambiguity_gap: float):
    """Score the candidate pairs of ``_rp`` and store the best three per PIC in ``org_match``.

    The matcher's own constants come from :mod:`innovatlas.registry.resolve` (method names, the score of a
    word-subset pair, the outnamed score and the ambiguity gap); the thresholds from
    :mod:`innovatlas.model.registry`.
    """
    SUBSET_SCORE, OUTNAMED_SCORE, AMBIGUITY_GAP = subset_score, outnamed_score, ambiguity_gap
    METHOD_EXACT, METHOD_FUZZY, _place = method_exact, method_fuzzy, place_sql
    return dynamic("registry.score_candidates", f"""
        INSERT INTO org_match
        WITH cand AS (
            SELECT l.left_id, r.ror_id, max(p.name_score) FILTER (WHERE NOT l.stripped AND NOT r.stripped AND NOT p.subset) AS full_score,
                   max(p.name_score) FILTER (WHERE NOT p.subset) AS any_score, bool_or(p.subset) AS subset,
                   arg_max(l.variant, p.name_score * 10 + (l.kind = 'name')::INT) AS left_name,
                   arg_max(r.variant, p.name_score * 10 + (r.kind = 'ror_display')::INT) AS right_name,
                   bool_or(l.kind = 'short name' AND {acronym_sql('l.variant')} = {acronym_sql('r.variant')}
                           AND r.kind IN ('acronym', 'alias')) AS acronym_agrees
            FROM _rp p JOIN _rl l ON l.key = p.lkey JOIN _rr r ON r.key = p.rkey AND r.country = l.country
            GROUP BY l.left_id, r.ror_id
        ), ev AS (
            SELECT c.*, o.city AS left_city, rr.city AS right_city, rr.municipality AS right_municipality,
                   loc.municipality AS left_municipality,
                   nullif({_place('o.city')}, '') AS lc, nullif({_place('rr.city')}, '') AS rc,
                   nullif({_place('rr.municipality')}, '') AS rm, nullif({_place('loc.municipality')}, '') AS lm,
                   nullif(regexp_extract(lower(coalesce(r2.url, '')), '^(?:https?://)?(?:www\\.)?([^/:]+)', 1), '') AS ld,
                   nullif(regexp_extract(lower(coalesce(rr.website, '')), '^(?:https?://)?(?:www\\.)?([^/:]+)', 1), '') AS rd
            FROM cand c JOIN organisation o ON CAST(o.pic AS VARCHAR) = c.left_id
            JOIN ror_record rr ON rr.ror_id = c.ror_id
            LEFT JOIN org_location loc ON loc.pic = o.pic
            LEFT JOIN (SELECT pic, arg_min(url, priority) AS url FROM organisation_record  -- the candidates' records only
                       WHERE url IS NOT NULL AND CAST(pic AS VARCHAR) IN (SELECT left_id FROM cand) GROUP BY pic) r2
                   ON r2.pic = o.pic
        ), scored AS (
            SELECT *, (lc IS NOT NULL AND (lc IN (rc, rm))) OR (lm IS NOT NULL AND lm IN (rc, rm)) AS city_agrees,
                   lc IS NOT NULL AND coalesce(rc, rm) IS NOT NULL AND NOT ((lc IN (rc, rm)) OR coalesce(lm IN (rc, rm), false)) AS city_differs,
                   ld IS NOT NULL AND ld = rd AS domain_agrees
            FROM ev
        ), named AS (
            SELECT *, CASE WHEN city_agrees THEN greatest(any_score, CASE WHEN subset THEN {SUBSET_SCORE} END)
                           ELSE coalesce(full_score, 0) END AS name_score FROM scored
        ), total AS (
            SELECT *, least(100.0, name_score + CASE WHEN city_agrees THEN 4 WHEN city_differs THEN -{CITY_DIFFERS_PENALTY} ELSE 0 END
                                    + CASE WHEN acronym_agrees THEN 4 ELSE 0 END
                                    + CASE WHEN domain_agrees THEN 6 ELSE 0 END) AS score
            FROM named
        ), ranked AS (
            SELECT *, row_number() OVER (PARTITION BY left_id ORDER BY score DESC, name_score DESC, ror_id) AS rk,
                   lead(score) OVER (PARTITION BY left_id ORDER BY score DESC, name_score DESC, ror_id) AS runner_up_score,
                   lead(ror_id) OVER (PARTITION BY left_id ORDER BY score DESC, name_score DESC, ror_id) AS runner_up,
                   -- a word-subset candidate does not stand when another record's name itself is closer
                   subset AND name_score > coalesce(any_score, 0)
                     AND max(coalesce(any_score, 0)) OVER (PARTITION BY left_id) >= greatest(coalesce(any_score, 0) + 1, {OUTNAMED_SCORE})
                     AS outnamed
            FROM total WHERE score >= {UNCERTAIN_SCORE}
        )
        SELECT 'pic', left_id, 'ror', ror_id, score,
               CASE WHEN name_score = 100 THEN '{METHOD_EXACT}' ELSE '{METHOD_FUZZY}' END
                 || CASE WHEN subset AND coalesce(any_score, 0) < name_score THEN ' (one name holds all words of the other)'
                         WHEN coalesce(full_score, 0) < name_score THEN ' (without the city name)' ELSE '' END
                 || CASE WHEN city_agrees THEN ' + city' ELSE '' END || CASE WHEN acronym_agrees THEN ' + acronym' ELSE '' END
                 || CASE WHEN domain_agrees THEN ' + web domain' ELSE '' END,
               CASE WHEN rk = 1 AND score >= {MATCH_SCORE} AND name_score >= {MATCH_SCORE} AND NOT outnamed AND coalesce(runner_up_score, 0) <= score - {AMBIGUITY_GAP}
                    THEN 'matched' ELSE 'uncertain' END,
               json_object('left_name', left_name, 'right_name', right_name, 'name_score', name_score,
                           'left_city', left_city, 'right_city', coalesce(right_city, right_municipality),
                           'city_agrees', city_agrees, 'city_differs', city_differs, 'acronym_agrees', acronym_agrees,
                           'domain_agrees', domain_agrees, 'rank', rk, 'runner_up', runner_up,
                           'runner_up_score', runner_up_score, 'word_subset', subset, 'outnamed', outnamed),
               now()::TIMESTAMP
        FROM ranked WHERE rk <= 3""", engines=DUCKDB_ONLY)


# -- review decisions applied to the matches (resolve.apply_decisions) -------------------------------------------
DECISIONS_TEMP = query("registry.decisions_temp", """
        CREATE OR REPLACE TEMP TABLE _dec AS
        SELECT * FROM match_decision QUALIFY row_number() OVER (
            PARTITION BY left_scheme, left_id, right_scheme, right_id ORDER BY decided_at DESC, source_row DESC NULLS LAST) = 1""",
                       engines=DUCKDB_ONLY)

APPLY_DECISIONS = query("registry.apply_decisions", """
        UPDATE org_match m SET status = CASE d.decision WHEN 'accept' THEN 'accepted' ELSE 'rejected' END
        FROM _dec d WHERE d.left_scheme = m.left_scheme AND d.left_id = m.left_id AND d.right_scheme = m.right_scheme
                      AND d.right_id = m.right_id""", engines=DUCKDB_ONLY)

ADD_ACCEPTED_PAIRS = query("registry.add_accepted_pairs", """
        INSERT INTO org_match
        SELECT d.left_scheme, d.left_id, d.right_scheme, d.right_id, NULL, 'review decision', 'accepted',
               json_object('decided_by', d.decided_by, 'note', d.note, 'file', d.file), now()::TIMESTAMP
        FROM _dec d WHERE d.decision = 'accept' AND NOT EXISTS (
            SELECT 1 FROM org_match m WHERE d.left_scheme = m.left_scheme AND d.left_id = m.left_id
              AND d.right_scheme = m.right_scheme AND d.right_id = m.right_id)""", engines=DUCKDB_ONLY)

# A PIC with an accepted ROR is settled: its other automatic candidates step back to 'uncertain'.
STEP_BACK_OTHER_CANDIDATES = query("registry.step_back_other_candidates", """
        UPDATE org_match m SET status = 'uncertain'
        WHERE m.status = 'matched' AND EXISTS (SELECT 1 FROM org_match a WHERE a.status = 'accepted'
              AND a.left_scheme = m.left_scheme AND a.left_id = m.left_id AND a.right_id <> m.right_id)""",
                                   engines=DUCKDB_ONLY)


# -- affiliation strings (ROR's gold sets; resolve.match_affiliations) -------------------------------------------
_GENERIC = ", ".join("'" + g + "'" for g in sorted(GENERIC))

#: (ror_id, country, sorted key, unsorted key, city tokens) of every registry name, also without the city words
NAME_KEYS = query("registry.name_keys", f"""
        WITH n AS (
            SELECT n.ror_id, r.country_code, n.name, r.city, r.municipality FROM ror_name n JOIN ror_record r USING (ror_id)
            -- a site named after 'Location' ('Amsterdam UMC Location VUmc') is named by that part too
            UNION SELECT n.ror_id, r.country_code, regexp_extract(n.name, '(?i)\\blocation\\s+(.+)$', 1), r.city, r.municipality
            FROM ror_name n JOIN ror_record r USING (ror_id) WHERE regexp_matches(n.name, '(?i)\\blocation\\s+\\S')
            UNION SELECT m.right_id, r.country_code, unnest([o.name, CASE WHEN length(o.short_name) >= 3 AND upper(o.short_name) <> upper(coalesce(o.city, ''))
                AND upper(o.short_name) NOT IN (SELECT upper(name) FROM geo_region) THEN o.short_name END]),
                         r.city, r.municipality
            FROM org_match m JOIN organisation o ON CAST(o.pic AS VARCHAR) = m.left_id JOIN ror_record r ON r.ror_id = m.right_id
            WHERE m.status IN ('matched', 'accepted') AND o.name IS NOT NULL
        ), t AS (
            SELECT ror_id, country_code, {tokens_sql('name')} AS toks,
                   len(string_split(trim(regexp_replace(name, '\\(.*\\)', '')), ' ')) AS words,
                   list_concat({tokens_sql('city')}, {tokens_sql('municipality')}) AS city_toks FROM n
        ), v AS (
            -- a name that normalises to one word counts only when it is one word ('TNO', 'Nikhef'), not
            -- when stop words left one ('Dutch Foundation for Literature' -> 'LITERATURE')
            SELECT ror_id, country_code, toks FROM t WHERE len(toks) >= 2 OR words = 1
            UNION  -- without the city words, when a distinctive word remains ('Erasmus University [Rotterdam]')
            SELECT ror_id, country_code, list_filter(toks, lambda x: NOT list_contains(city_toks, x)) FROM t
            WHERE len(list_filter(toks, lambda x: NOT list_contains(city_toks, x) AND x NOT IN ({_GENERIC}))) >= 1
              AND len(list_filter(toks, lambda x: NOT list_contains(city_toks, x))) >= 2
        )
        SELECT DISTINCT v.ror_id, v.country_code, array_to_string(list_sort(v.toks), ' '), array_to_string(v.toks, ' '),
               list_concat({tokens_sql('r.city')}, {tokens_sql('r.municipality')})
        FROM v JOIN ror_record r USING (ror_id) WHERE len(v.toks) >= 1 AND length(array_to_string(v.toks, ' ')) >= 3""")

SEGMENTS_TEMP = query("registry.segments_temp",
                      "CREATE OR REPLACE TEMP TABLE _aff AS SELECT unnest(CAST(? AS VARCHAR[])) AS seg, unnest(range(?)) AS seg_id",
                      engines=DUCKDB_ONLY)
SEGMENT_KEYS = query("registry.segment_keys",
                     f"SELECT seg_id, {sorted_name_sql('seg')}, {norm_name_sql('seg')} FROM _aff ORDER BY seg_id")
SEGMENT_NORMS_TEMP = query("registry.segment_norms_temp",
                           "CREATE OR REPLACE TEMP TABLE _affn AS SELECT unnest(CAST(? AS INTEGER[])) AS seg_id, unnest(CAST(? AS VARCHAR[])) AS norm",
                           engines=DUCKDB_ONLY)
NAME_NORMS_TEMP = query("registry.name_norms_temp",
                        "CREATE OR REPLACE TEMP TABLE _nm AS SELECT unnest(CAST(? AS VARCHAR[])) AS ror_id, unnest(CAST(? AS VARCHAR[])) AS norm",
                        engines=DUCKDB_ONLY)
#: names of two or more words that stand in a segment word for word
NAMES_IN_SEGMENTS = query("registry.names_in_segments", """
            SELECT a.seg_id, n.ror_id, n.norm FROM _affn a JOIN _nm n
            ON contains(' ' || a.norm || ' ', ' ' || n.norm || ' ') WHERE n.norm LIKE '% %'""")


# -- review (innovatlas.registry.review) ---------------------------------------------------------------------------
@builder("registry.list_matches", (False, None), (True, 20))
def list_matches(uncertain: bool, limit: int | None):
    """The matches with the names of both sides, the most participations first (only the uncertain ones, at most ``limit``)."""
    where = "WHERE m.status = 'uncertain'" if uncertain else ""
    lim = f"LIMIT {int(limit)}" if limit else ""
    return dynamic("registry.list_matches", f"""
        SELECT m.left_scheme, m.left_id, coalesce(o.label, m.evidence->>'left_name') AS left_name,
               m.right_scheme, m.right_id, coalesce(r.name, m.evidence->>'right_name') AS right_name,
               m.score, m.method, m.status, CAST(m.evidence AS VARCHAR) AS evidence,
               coalesce(o.participations, 0) AS participations
        FROM org_match m
        LEFT JOIN organisation o ON m.left_scheme = 'pic' AND CAST(o.pic AS VARCHAR) = m.left_id
        LEFT JOIN (SELECT ror_id, any_value(name) AS name FROM ror_record GROUP BY 1) r ON r.ror_id = m.right_id
        {where}
        ORDER BY participations DESC, m.left_id, m.score DESC NULLS LAST {lim}""")


ACTOR_EXISTS = query("registry.actor_exists", "SELECT count(*) FROM user_actor WHERE actor_id = ?")
ORG_EXISTS = query("registry.org_exists", "SELECT count(*) FROM registry_org WHERE org_key = ?")
ROR_EXISTS = query("registry.ror_exists", "SELECT count(*) FROM ror_record WHERE ror_id = ?")
INSERT_DECISION = query("registry.insert_decision",
                        "INSERT INTO match_decision VALUES (?, ?, ?, ?, ?, ?, ?, now()::TIMESTAMP, NULL, NULL)",
                        engines=DUCKDB_ONLY)
INSERT_FILED_DECISION = query("registry.insert_filed_decision",
                              "INSERT INTO match_decision VALUES (?, ?, ?, ?, ?, ?, ?, now()::TIMESTAMP, ?, ?)",
                              engines=DUCKDB_ONLY)


# -- placing and coverage through the registry (innovatlas.registry.coverage) ------------------------------------
@builder("registry.placement_temp")
def placement_temp():
    """The unplaced Dutch PICs that their matched ROR record places in a CBS municipality (``_rplace``)."""
    from innovatlas.model.ecosystem import KNOWLEDGE_CITIES

    _canon = place_sql
    kc = ", ".join(f"('{k}', '{v.replace(chr(39), chr(39) * 2)}')" for k, v in KNOWLEDGE_CITIES.items())
    return dynamic("registry.placement_temp", f"""
        CREATE OR REPLACE TEMP TABLE _rplace AS
        WITH muni AS (
            SELECT canon, arg_min(code, year) AS code, arg_min(name, year) AS name,
                   arg_min(corop_code, year) FILTER (WHERE corop_code IS NOT NULL) AS corop_code,
                   arg_min(province_code, year) FILTER (WHERE province_code IS NOT NULL) AS province_code
            FROM (SELECT *, {_canon('name')} AS canon FROM geo_region WHERE level = 'municipality') GROUP BY canon
        ), link AS (
            SELECT CAST(left_id AS BIGINT) AS pic, right_id AS ror_id, status = 'accepted' AS accepted FROM org_match
            WHERE left_scheme = 'pic' AND status IN ('matched', 'accepted')
              AND CAST(left_id AS BIGINT) IN (SELECT pic FROM org_location WHERE method LIKE 'unplaced%')
            QUALIFY row_number() OVER (PARTITION BY left_id ORDER BY (status = 'accepted') DESC, score DESC NULLS FIRST, right_id) = 1
        ), ror AS (
            SELECT ror_id, coalesce(nullif({_canon('municipality')}, ''), {_canon('city')}) AS canon
            FROM (SELECT ror_id, arg_max(municipality, batch_id) AS municipality, arg_max(city, batch_id) AS city
                  FROM ror_record WHERE country_code = 'NL' GROUP BY 1)
        ), todo AS (  -- the few unplaced Dutch organisations first, so no join runs over every organisation
            SELECT l.pic, l.method FROM org_location l JOIN organisation o USING (pic)
            WHERE l.method LIKE 'unplaced%' AND o.country = 'NL'
        )
        SELECT t.pic, m.code, m.name, m.corop_code, cr.name AS corop, m.province_code, pv.name AS province, kc.city AS kcity
        FROM todo t JOIN link k USING (pic) JOIN ror r USING (ror_id) JOIN muni m ON m.canon = r.canon
        LEFT JOIN (SELECT code, arg_max(name, year) AS name FROM geo_region WHERE level = 'corop' GROUP BY code) cr ON cr.code = m.corop_code
        LEFT JOIN (SELECT code, arg_max(name, year) AS name FROM geo_region WHERE level = 'province' GROUP BY code) pv ON pv.code = m.province_code
        LEFT JOIN (VALUES {kc}) kc(city, muni) ON kc.muni = m.name
        -- only where no source gives a city (or a reviewer accepted the match): when CORDIS names a city the
        -- rules could not place, ROR's GeoNames place is no better evidence (HORN, Limburg vs ROR's Hoorn)
        WHERE t.method = 'unplaced: no city or postcode in any source' OR k.accepted""", engines=DUCKDB_ONLY)


COUNT_PLACEMENTS = query("registry.count_placements", "SELECT count(*) FROM _rplace")


@builder("registry.apply_placement", ("ROR record (registry match)",))
def apply_placement(method: str):
    """Place the PICs of ``_rplace``, naming the placement ``method``."""
    return dynamic("registry.apply_placement", f"""
            UPDATE org_location l SET municipality_code = p.code, municipality = p.name, corop_code = p.corop_code,
                   corop = p.corop, province_code = p.province_code, province = p.province, knowledge_city = p.kcity,
                   method = '{method}'
            FROM _rplace p WHERE p.pic = l.pic""", engines=DUCKDB_ONLY)


_COVERAGE_BASE = """FROM organisation o LEFT JOIN org_location l USING (pic)
              LEFT JOIN import_batch b ON b.batch_id = o.name_batch_id
              WHERE o.country = 'NL' AND o.participations > 0"""

COVERAGE_TOTAL = query("registry.coverage_total",
                       f"SELECT count(*) AS organisations, coalesce(sum(o.participations), 0) AS participations {_COVERAGE_BASE}")
COVERAGE_NAMED = query("registry.coverage_named", f"""
        SELECT CASE WHEN o.name IS NULL THEN 'not named by any source' ELSE b.dataset END AS named_by,
               count(*) AS organisations, sum(o.participations) AS participations
        {_COVERAGE_BASE} GROUP BY 1 ORDER BY (named_by = 'not named by any source'), 2 DESC, 1""")
COVERAGE_PLACED = query("registry.coverage_placed", f"""
        SELECT CASE WHEN l.method LIKE 'unplaced%' OR l.method IS NULL THEN 'not placed' ELSE l.method END AS placed_by,
               count(*) AS organisations, sum(o.participations) AS participations
        {_COVERAGE_BASE} GROUP BY 1 ORDER BY (placed_by = 'not placed'), 2 DESC, 1""")
COVERAGE_LINKED = query("registry.coverage_linked", f"""
        SELECT count(*) AS organisations, coalesce(sum(o.participations), 0) AS participations {_COVERAGE_BASE}
          AND EXISTS (SELECT 1 FROM registry_identifier i WHERE i.scheme = 'pic' AND i.value = CAST(o.pic AS VARCHAR)
                      AND i.org_key LIKE 'ror:%')""")
#: the Dutch participating PICs counted per registered organisation: organisations, and those with a named or placed PIC
COVERAGE_BY_REGISTERED = query("registry.coverage_by_registered", f"""
        WITH k AS (SELECT CAST(value AS BIGINT) AS pic, min(org_key) AS org_key FROM registry_identifier
                   WHERE scheme = 'pic' GROUP BY 1),
        p AS (SELECT coalesce(k.org_key, 'pic:' || o.pic) AS org_key, o.participations, o.name IS NOT NULL AS named,
                     NOT (l.method LIKE 'unplaced%' OR l.method IS NULL) AS placed,
                     l.method = 'ROR record (registry match)' AS placed_by_registry
              {_COVERAGE_BASE.replace("FROM organisation o", "FROM organisation o LEFT JOIN k USING (pic)")})
        SELECT count(DISTINCT org_key) AS organisations,
               count(DISTINCT org_key) FILTER (WHERE named) AS named,
               count(DISTINCT org_key) FILTER (WHERE placed) AS placed,
               count(DISTINCT org_key) FILTER (WHERE placed AND NOT placed_by_registry) AS placed_before,
               count(DISTINCT org_key) FILTER (WHERE org_key LIKE 'ror:%') AS linked_to_ror
        FROM p""")

COVERAGE_REGISTERED = query("registry.coverage_registered",
                            """SELECT count(*) FROM registry_org WHERE country = 'NL' AND participations > 0""")


# -- evaluation against the gold sets (innovatlas.registry.evaluate) ---------------------------------------------
KNOWN_ROR_IDS = query("registry.known_ror_ids", "SELECT DISTINCT ror_id FROM ror_record")
#: the stored PIC -> ROR link of each PIC (status matched/accepted; an accepted one first, then the best score)
CORDIS_LINKS = query("registry.cordis_links", """
        SELECT left_id, right_id FROM org_match WHERE left_scheme = 'pic' AND status IN ('matched', 'accepted')
        QUALIFY row_number() OVER (PARTITION BY left_id ORDER BY (status = 'accepted') DESC, score DESC) = 1""")


# -- ROR records (innovatlas.registry.ror_records) -----------------------------------------------------------------
@builder("registry.insert_columns", ("ror_name", ("VARCHAR", "VARCHAR", "VARCHAR", "VARCHAR", "INTEGER")))
def insert_columns(table: str, types, columns: list | None = None):
    """Insert rows column-wise in one statement: one list parameter per column, of the given DuckDB types."""
    sel = ", ".join(f"unnest(CAST(? AS {t}[]))" for t in types)
    return dynamic("registry.insert_columns", f"INSERT INTO {table} SELECT {sel}",
                   columns if columns is not None else [[] for _ in types], engines=DUCKDB_ONLY)


# -- OpenAlex institutions (innovatlas.registry.openalex) ---------------------------------------------------------
#: upsert the given institutions (the latest registration of an id wins)
UPSERT_OPENALEX = query("registry.upsert_openalex", """
        INSERT OR REPLACE INTO openalex_institution
        SELECT openalex_id, any_value(ror_id), any_value(name), any_value(country_code), any_value(type), ?, now()::TIMESTAMP
        FROM (SELECT unnest(CAST(? AS VARCHAR[])) AS openalex_id, unnest(CAST(? AS VARCHAR[])) AS ror_id,
                     unnest(CAST(? AS VARCHAR[])) AS name, unnest(CAST(? AS VARCHAR[])) AS country_code,
                     unnest(CAST(? AS VARCHAR[])) AS type)
        GROUP BY openalex_id""", engines=DUCKDB_ONLY)

#: the registry key of each OpenAlex institution: its ROR record's ('ror:<id>'), else 'openalex:<id>'
_OA_KEY = "CASE WHEN a.ror_id IS NOT NULL THEN 'ror:' || a.ror_id ELSE 'openalex:' || a.openalex_id END"

#: institutions without an organisation in the registry become registry entries of their own (no PIC)
DERIVE_ORG_OPENALEX = query("registry.derive_org_openalex", f"""
        INSERT INTO registry_org
        SELECT {_OA_KEY}, any_value(a.name), any_value(a.type), any_value(a.country_code), NULL, NULL, NULL, NULL, NULL,
               NULL, 0, CASE WHEN any_value(a.ror_id) IS NOT NULL THEN 'openalex only (ROR id from OpenAlex)' ELSE 'openalex only' END
        FROM openalex_institution a WHERE {_OA_KEY} NOT IN (SELECT org_key FROM registry_org) GROUP BY 1""",
                            engines=DUCKDB_ONLY)
DERIVE_IDENTIFIER_OPENALEX = query("registry.derive_identifier_openalex", f"""
        INSERT INTO registry_identifier
        SELECT {_OA_KEY}, 'openalex', a.openalex_id, NULL, a.source FROM openalex_institution a
        UNION ALL  -- a ROR id only OpenAlex gives (a record the workspace's ROR files lack)
        SELECT {_OA_KEY}, 'ror', a.ror_id, NULL, a.source FROM openalex_institution a
        WHERE a.ror_id IS NOT NULL AND a.ror_id NOT IN (SELECT ror_id FROM ror_record)""", engines=DUCKDB_ONLY)
DERIVE_NAME_OPENALEX = query("registry.derive_name_openalex", f"""
        INSERT INTO registry_name SELECT DISTINCT {_OA_KEY}, a.name, 'openalex display name', NULL, a.source
        FROM openalex_institution a""", engines=DUCKDB_ONLY)
COUNT_OPENALEX = query("registry.count_openalex", "SELECT count(*) FROM openalex_institution")
#: how each of the given institutions stands in the registry
OPENALEX_STATUS = query("registry.openalex_status", f"""
        SELECT a.openalex_id, {_OA_KEY} AS org_key, g.basis, g.participations FROM openalex_institution a
        JOIN registry_org g ON g.org_key = {_OA_KEY} WHERE list_contains(CAST(? AS VARCHAR[]), a.openalex_id)""")
