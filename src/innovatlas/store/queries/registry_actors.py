"""Queries behind innovatlas.registry.actors: the user's own actors and relations (issue 14, seed 001).

Staging (``stg_actors``, ``stg_relations``), the transactional imports into ``user_actor`` and
``user_relation``, the template checks' conditions (SQL fragments for
:class:`innovatlas.inputs._Checks`) and the resolution of the actors against the registry. The
staged tables and every write are the workspace's own, so those statements run on DuckDB only.
"""

from __future__ import annotations

from innovatlas.model.registry import MATCH_SCORE, UNCERTAIN_SCORE
from innovatlas.store.queries.registry import place_sql, sorted_name_sql, vat_sql
from innovatlas.store.queries.sources_common import add_column, staged_columns  # the staged-file helpers every import shares
from innovatlas.store.queries.sources_common import count_staged as count_rows
from innovatlas.store.relational import DUCKDB_ONLY, builder, dynamic, query


# -- staging -----------------------------------------------------------------------------------------------------
@builder("registry_actors.drop_staged", ("stg_actors",))
def drop_staged(table: str):
    return dynamic("registry_actors.drop_staged", f"DROP TABLE {table}", engines=DUCKDB_ONLY)


# -- actors --------------------------------------------------------------------------------------------------------
#: check condition: a PIC that is not nine digits
PIC_NOT_NINE_DIGITS = "nullif(trim(pic), '') IS NOT NULL AND NOT regexp_full_match(trim(pic), '[0-9]{9}')"
#: check condition: a ROR value among the given list (of values that are no ROR id)
ROR_IN_LIST = "trim(ror) IN (SELECT unnest(?::VARCHAR[]))"


@builder("registry_actors.ror_values", ("stg_actors",))
def ror_values(table: str):
    """The distinct ROR values given in a staged actors file."""
    return dynamic("registry_actors.ror_values",
                   f"SELECT DISTINCT trim(ror) FROM {table} WHERE nullif(trim(ror), '') IS NOT NULL")


@builder("registry_actors.trim_actor_ids", ("stg_actors",))
def trim_actor_ids(table: str):
    return dynamic("registry_actors.trim_actor_ids", f"UPDATE {table} SET actor_id = trim(actor_id)", engines=DUCKDB_ONLY)


@builder("registry_actors.insert_actors", ("stg_actors", 7))
def insert_actors(table: str, batch: int):
    """Store the staged actors under import batch ``batch``."""
    return dynamic("registry_actors.insert_actors", f"""
            INSERT INTO user_actor
            SELECT trim(actor_id), trim(name), lower(trim(actor_type)), CAST(nullif(trim(pic), '') AS BIGINT),
                   nullif(regexp_extract(trim(ror), '([^/]+)$', 1), ''), nullif(trim(kvk), ''), nullif(trim(city), ''),
                   nullif(trim(postcode), ''), coalesce(nullif(upper(trim(country)), ''), 'NL'),
                   nullif(trim(website), ''), nullif(trim(note), ''), ?, _row + 1,
                   {vat_sql('vat', "coalesce(nullif(upper(trim(country)), ''), 'NL')")}
            FROM {table}""", [batch], engines=DUCKDB_ONLY)


# -- relations -----------------------------------------------------------------------------------------------------
_KNOWN = """(SELECT actor_id AS ref FROM user_actor UNION SELECT 'pic:' || pic FROM organisation
                    UNION SELECT 'ror:' || ror_id FROM ror_record)"""


def unknown_reference(col: str) -> str:
    """Check condition: a filled-in ``col`` that is no known actor, PIC or ROR record."""
    known = _KNOWN
    return f"nullif(trim({col}), '') IS NOT NULL AND lower(trim({col})) NOT IN (SELECT lower(ref) FROM {known})"


#: check condition: an end year before the start year
END_BEFORE_START = "TRY_CAST(end_year AS INTEGER) < TRY_CAST(start_year AS INTEGER)"


@builder("registry_actors.insert_relations", ("stg_relations", 8))
def insert_relations(table: str, batch: int):
    """Store the staged relations under import batch ``batch``."""
    return dynamic("registry_actors.insert_relations", f"""
            INSERT INTO user_relation
            SELECT trim(source), trim(target), lower(trim(relation_type)), TRY_CAST(start_year AS INTEGER),
                   TRY_CAST(end_year AS INTEGER), TRY_CAST(replace(weight, ',', '.') AS DOUBLE), nullif(trim(note), ''), ?, _row + 1
            FROM {table}""", [batch], engines=DUCKDB_ONLY)


# -- resolution against the registry -------------------------------------------------------------------------------
DELETE_ACTOR_MATCHES = query("registry_actors.delete_actor_matches", "DELETE FROM org_match WHERE left_scheme = 'actor'",
                             engines=DUCKDB_ONLY)

# deterministic: a PIC, ROR id or VAT number given in the file (in that order)
MATCH_GIVEN_IDS = query("registry_actors.match_given_ids", """
        INSERT INTO org_match
        SELECT 'actor', a.actor_id, 'registry', coalesce(i.org_key, 'ror:' || r.ror_id, v.org_key), 100,
               CASE WHEN i.org_key IS NOT NULL THEN 'deterministic: PIC given' WHEN r.ror_id IS NOT NULL
                    THEN 'deterministic: ROR id given' ELSE 'deterministic: VAT number given' END, 'matched',
               json_object('left_name', a.name, 'right_name', coalesce(g.name, r.name), 'pic', a.pic, 'ror', a.ror_id,
                           'vat', a.vat),
               now()::TIMESTAMP
        FROM user_actor a
        LEFT JOIN (SELECT value, any_value(org_key) AS org_key FROM registry_identifier WHERE scheme = 'pic' GROUP BY 1) i
               ON i.value = CAST(a.pic AS VARCHAR)
        LEFT JOIN (SELECT ror_id, any_value(name) AS name FROM ror_record GROUP BY 1) r ON r.ror_id = a.ror_id AND a.pic IS NULL
        LEFT JOIN (SELECT value, min(org_key) AS org_key FROM registry_identifier WHERE scheme = 'vat' GROUP BY 1
                   HAVING count(DISTINCT org_key) = 1) v ON v.value = a.vat
        LEFT JOIN registry_org g ON g.org_key = coalesce(i.org_key, 'ror:' || r.ror_id, v.org_key)
        WHERE i.org_key IS NOT NULL OR r.ror_id IS NOT NULL OR v.org_key IS NOT NULL""", engines=DUCKDB_ONLY)


UNMATCHED_ACTOR_KEYS = query("registry_actors.unmatched_actor_keys", f"""SELECT actor_id, {sorted_name_sql('name')} FROM user_actor
                       WHERE actor_id NOT IN (SELECT left_id FROM org_match WHERE left_scheme = 'actor') ORDER BY 1""")
REGISTRY_NAME_KEYS = query("registry_actors.registry_name_keys", f"""SELECT DISTINCT org_key, {sorted_name_sql('name')} AS k FROM registry_name
                        WHERE length({sorted_name_sql('name')}) >= 3""")

PAIRS_TEMP = query("registry_actors.pairs_temp",
                   "CREATE OR REPLACE TEMP TABLE _ap AS SELECT unnest(CAST(? AS VARCHAR[])) AS lkey, unnest(CAST(? AS VARCHAR[])) AS rkey, "
                   "unnest(CAST(? AS DOUBLE[])) AS s", engines=DUCKDB_ONLY)
ACTOR_KEYS_TEMP = query("registry_actors.actor_keys_temp",
                        "CREATE OR REPLACE TEMP TABLE _al AS SELECT unnest(CAST(? AS VARCHAR[])) AS actor_id, unnest(CAST(? AS VARCHAR[])) AS key",
                        engines=DUCKDB_ONLY)
ORG_KEYS_TEMP = query("registry_actors.org_keys_temp",
                      "CREATE OR REPLACE TEMP TABLE _ar AS SELECT unnest(CAST(? AS VARCHAR[])) AS org_key, unnest(CAST(? AS VARCHAR[])) AS key",
                      engines=DUCKDB_ONLY)


@builder("registry_actors.score_candidates", (3.0,))
def score_candidates(ambiguity_gap: float):
    """Score the candidate pairs of ``_ap`` (name, city) and store the best three per actor in ``org_match``."""
    _canon = place_sql
    AMBIGUITY_GAP = ambiguity_gap
    return dynamic("registry_actors.score_candidates", f"""
        INSERT INTO org_match
        WITH cand AS (
            SELECT l.actor_id, r.org_key, max(p.s) AS name_score FROM _ap p JOIN _al l ON l.key = p.lkey
            JOIN _ar r ON r.key = p.rkey GROUP BY 1, 2
        ), ev AS (
            SELECT c.*, a.name AS left_name, g.name AS right_name, a.city AS left_city, coalesce(g.city, g.municipality) AS right_city,
                   nullif({_canon('a.city')}, '') AS lc, nullif({_canon('g.city')}, '') AS rc, nullif({_canon('g.municipality')}, '') AS rm
            FROM cand c JOIN user_actor a USING (actor_id) JOIN registry_org g USING (org_key)
        ), scored AS (
            SELECT *, coalesce(lc IN (rc, rm), false) AS city_agrees,
                   lc IS NOT NULL AND coalesce(rc, rm) IS NOT NULL AND NOT coalesce(lc IN (rc, rm), false) AS city_differs
            FROM ev
        ), total AS (
            SELECT *, least(100.0, name_score + CASE WHEN city_agrees THEN 4 WHEN city_differs THEN -7 ELSE 0 END) AS score FROM scored
        ), ranked AS (
            SELECT *, row_number() OVER (PARTITION BY actor_id ORDER BY score DESC, org_key) AS rk,
                   lead(score) OVER (PARTITION BY actor_id ORDER BY score DESC, org_key) AS runner_up_score
            FROM total WHERE score >= {UNCERTAIN_SCORE}
        )
        SELECT 'actor', actor_id, 'registry', org_key, score,
               'fuzzy name (rapidfuzz ratio on sorted tokens)' || CASE WHEN city_agrees THEN ' + city' ELSE '' END,
               CASE WHEN rk = 1 AND score >= {MATCH_SCORE} AND name_score >= {MATCH_SCORE}
                         AND coalesce(runner_up_score, 0) <= score - {AMBIGUITY_GAP} THEN 'matched' ELSE 'uncertain' END,
               json_object('left_name', left_name, 'right_name', right_name, 'name_score', name_score, 'left_city', left_city,
                           'right_city', right_city, 'city_agrees', city_agrees, 'city_differs', city_differs, 'rank', rk),
               now()::TIMESTAMP
        FROM ranked WHERE rk <= 3""", engines=DUCKDB_ONLY)


ACTOR_STATUS_COUNTS = query("registry_actors.actor_status_counts",
                            "SELECT status, count(*) FROM org_match WHERE left_scheme = 'actor' GROUP BY 1")
COUNT_NEW_ACTORS = query("registry_actors.count_new_actors", """SELECT count(*) FROM user_actor WHERE actor_id NOT IN (
        SELECT left_id FROM org_match WHERE left_scheme = 'actor' AND status IN ('matched', 'accepted'))""")


# -- the user's own actors in each ecosystem (innovatlas.registry.actors.delineate_actors) ------------------------
CLEAR_ECOSYSTEM_ACTORS = query("registry_actors.clear_ecosystem_actors", "DELETE FROM ecosystem_actor", engines=DUCKDB_ONLY)

#: actor -> the analysis unit of the registered organisation it resolved to (matched or accepted)
_ACTOR_UNIT = """
    SELECT m.left_id AS actor_id, min(u.unit) AS unit FROM org_match m
    JOIN registry_identifier i ON i.org_key = m.right_id AND i.scheme = 'pic'
    JOIN analysis_unit u ON u.pic = CAST(i.value AS BIGINT)
    WHERE m.left_scheme = 'actor' AND m.status IN ('matched', 'accepted') GROUP BY 1"""

#: the references ('pic:<n>', 'ror:<id>') that stand for each ecosystem's members
_MEMBER_REFS = """
    SELECT m.ecosystem_id, 'pic:' || u.pic AS ref FROM ecosystem_member m JOIN analysis_unit u ON u.unit = m.pic
    UNION SELECT m.ecosystem_id, i.org_key FROM ecosystem_member m JOIN analysis_unit u ON u.unit = m.pic
    JOIN registry_identifier i ON i.scheme = 'pic' AND i.value = CAST(u.pic AS VARCHAR) WHERE i.org_key LIKE 'ror:%'"""


def _actor_filters(sel) -> tuple[list[str], list]:
    from innovatlas.model.ecosystem import KNOWLEDGE_CITIES

    where, params = [], []
    if sel.types:
        where.append("list_contains(CAST(? AS VARCHAR[]), a.actor_type)")
        params.append(list(sel.types))
    munis = [m for m in sel.municipality] + [KNOWLEDGE_CITIES[c] for c in sel.knowledge_city]
    if munis:
        where.append(f"""{place_sql('a.city')} IN (SELECT {place_sql('g.name')} FROM geo_region g WHERE g.level = 'municipality'
                          AND (list_contains(CAST(? AS VARCHAR[]), lower(g.name)) OR list_contains(CAST(? AS VARCHAR[]), upper(g.code))))""")
        params += [[m.lower() for m in munis], [m.upper() for m in munis]]
    if sel.related_to or sel.related_to_members:
        refs = "SELECT unnest(CAST(? AS VARCHAR[])) AS ref"
        ref_params: list = [[r.strip().lower() for r in sel.related_to]]
        if sel.related_to_members:  # None: the ecosystem's own id, filled in by the caller
            refs += f" UNION SELECT lower(ref) FROM ({_MEMBER_REFS}) mr WHERE mr.ecosystem_id = ?"
            ref_params.append(None)
        where.append(f"""EXISTS (SELECT 1 FROM user_relation r WHERE list_contains(CAST(? AS VARCHAR[]), r.relation_type)
                         AND ((lower(r.source_ref) = lower(a.actor_id) AND lower(r.target_ref) IN ({refs}))
                           OR (lower(r.target_ref) = lower(a.actor_id) AND lower(r.source_ref) IN ({refs}))))""")
        params += [list(sel.relation_types)] + ref_params + ref_params
    return where, params


def _example_selector():
    from innovatlas.model.ecosystem import ActorSelector

    return ActorSelector(types=["startup"], knowledge_city=["Delft"], related_to=["pic:999977366"], related_to_members=True)


@builder("registry_actors.ecosystem_actors", ([("nl", None)],), ([("delft", "example")],))
def ecosystem_actors(ecosystems: list):
    """``(ecosystem_id, actor_id, actor_type, unit, how)``: the user's actors in each ecosystem.

    ``ecosystems`` is a list of ``(ecosystem_id, ActorSelector | None)``: an actor resolved to a member unit
    is in as ``member``; with a selector, the actors meeting its filters are in as ``selected``.
    """
    ecosystems = [(e, _example_selector() if s == "example" else s) for e, s in ecosystems]
    parts = [f"""
        SELECT m.ecosystem_id, a.actor_id, a.actor_type, au.unit, 'member' AS how
        FROM user_actor a JOIN ({_ACTOR_UNIT}) au USING (actor_id) JOIN ecosystem_member m ON m.pic = au.unit"""]
    params: list = []
    for eco_id, sel in ecosystems:
        if sel is None:
            continue
        where, p = _actor_filters(sel)
        # the member-reference placeholder (None above) is this ecosystem's id
        p = [eco_id if x is None else x for x in p]
        parts.append(f"""
        SELECT ? AS ecosystem_id, a.actor_id, a.actor_type, au.unit, 'selected' AS how
        FROM user_actor a LEFT JOIN ({_ACTOR_UNIT}) au USING (actor_id)
        {'WHERE ' + ' AND '.join(where) if where else ''}""")
        params += [eco_id] + p
    # one row per actor and ecosystem: 'member' before 'selected'
    return dynamic("registry_actors.ecosystem_actors", f"""
        INSERT INTO ecosystem_actor
        SELECT ecosystem_id, actor_id, any_value(actor_type), any_value(unit), min(how)
        FROM ({' UNION ALL '.join(parts)}) GROUP BY ecosystem_id, actor_id""", params, engines=DUCKDB_ONLY)


#: #29 actors by type: each member unit once, typed by the user when one of the user's actors resolved to it
#: (the user knows a startup from a firm), plus the user's actors that are no member (new actors, or organisations
#: outside the ecosystem's CORDIS scope), by their type
ACTORS_BY_TYPE = query("registry_actors.actors_by_type", """
        INSERT INTO indicator_value
        WITH typed AS (
            SELECT m.ecosystem_id, 'unit:' || m.pic AS who, coalesce(ua.actor_type, o.actor_type, 'other') AS actor_type
            FROM ecosystem_member m JOIN organisation o USING (pic)
            LEFT JOIN (SELECT ecosystem_id, unit, min(actor_type) AS actor_type FROM ecosystem_actor WHERE unit IS NOT NULL
                       GROUP BY 1, 2) ua ON ua.ecosystem_id = m.ecosystem_id AND ua.unit = m.pic
            UNION ALL
            SELECT e.ecosystem_id, 'actor:' || e.actor_id, e.actor_type FROM ecosystem_actor e
            WHERE e.unit IS NULL OR e.unit NOT IN (SELECT pic FROM ecosystem_member m WHERE m.ecosystem_id = e.ecosystem_id)
        )
        SELECT ecosystem_id, '29', 'actors', CASE WHEN GROUPING(actor_type) = 0 THEN 'actor:' || actor_type ELSE '' END,
               NULL, CAST(count(DISTINCT who) AS DOUBLE), 'actors', ?, ?, now()::TIMESTAMP
        FROM typed WHERE ecosystem_id IN (SELECT DISTINCT ecosystem_id FROM ecosystem_actor)
        GROUP BY GROUPING SETS ((ecosystem_id), (ecosystem_id, actor_type))""", engines=DUCKDB_ONLY)

CLEAR_ACTOR_INDICATORS = query("registry_actors.clear_actor_indicators",
                               "DELETE FROM indicator_value WHERE indicator = '29' AND measure = 'actors'", engines=DUCKDB_ONLY)
ECOSYSTEM_ACTOR_COUNTS = query("registry_actors.ecosystem_actor_counts",
                               "SELECT how, count(*) FROM ecosystem_actor GROUP BY 1 ORDER BY 1")
ECOSYSTEM_ACTORS_OF = query("registry_actors.ecosystem_actors_of", """
        SELECT e.actor_id, a.name, e.actor_type, e.unit, e.how FROM ecosystem_actor e JOIN user_actor a USING (actor_id)
        WHERE e.ecosystem_id = ? ORDER BY e.actor_type, a.name""")
