"""Delineation queries: ecosystem definitions compiled into SQL (which participations, members and projects are in scope).

Pure: returns SQL text with ``?`` placeholders and the parameter list; user values are
always bound, never pasted into the SQL. The SQL is plain ANSI plus ``list_contains``
and ``starts_with``, which sqlglot transpiles to Spark (``array_contains``, ``startswith``).
"""

from __future__ import annotations

from innovatlas.model.ecosystem import KNOWLEDGE_CITIES, Selector, to_iso
from innovatlas.store.relational import DUCKDB_ONLY, Bound, builder, dynamic, query

__all__ = ["compile_scope", "compile_reference", "scope_statements", "scope_union", "reference_counts",
           "STORE_ECOSYSTEM", "MEMBERS", "PROJECTS", "MEMBER_PARTICIPATIONS", "SCOPE"]


def _org_filters(sel: Selector, org: str, loc: str, country_col: str, activity_col: str) -> tuple[list[str], list]:
    where, params = [], []
    if sel.country:
        where.append(f"list_contains(CAST(? AS VARCHAR[]), {country_col})")
        params.append([to_iso(c) for c in sel.country])
    if sel.nuts:  # NUTS codes of any level: the organisation's NUTS code starts with one of them (EU-wide, issue 11)
        where.append(f"{org}.pic IN (SELECT _n.pic FROM organisation _n WHERE "
                     + " OR ".join("starts_with(upper(trim(_n.nuts_code)), ?)" for _ in sel.nuts) + ")")
        params += sel.nuts
    for field, name_col, code_col in (("province", "province", "province_code"), ("corop", "corop", "corop_code"),
                                      ("municipality", "municipality", "municipality_code")):
        values = getattr(sel, field)
        if values:
            where.append(f"(list_contains(CAST(? AS VARCHAR[]), lower({loc}.{name_col})) OR list_contains(CAST(? AS VARCHAR[]), upper({loc}.{code_col})))")
            params += [[v.lower() for v in values], [v.upper() for v in values]]
    if sel.knowledge_city:
        where.append(f"list_contains(CAST(? AS VARCHAR[]), {loc}.knowledge_city)")
        params.append([c for c in sel.knowledge_city if c in KNOWLEDGE_CITIES])
    if sel.activity_type:
        where.append(f"list_contains(CAST(? AS VARCHAR[]), {activity_col})")
        params.append(sel.activity_type)
    if sel.organisations:
        where.append(f"list_contains(CAST(? AS BIGINT[]), {org}.pic)")
        params.append(sel.organisations)
    if sel.neighbourhood:
        where.append(f"{org}.pic IN (SELECT pic FROM _hood)")
    return where, params


def _hood_cte(sel: Selector) -> tuple[str, list]:
    """CTE ``_hood``: organisations within ``order`` joint-project steps of the seeds."""
    if not sel.neighbourhood:
        return "", []
    steps = ["_h0 AS (SELECT unnest(CAST(? AS BIGINT[])) AS pic)"]
    for i in range(1, sel.neighbourhood.order + 1):
        steps.append(
            f"_h{i} AS (SELECT pic FROM _h{i - 1} UNION SELECT b.pic FROM participation a "
            f"JOIN participation b ON a.project_key = b.project_key WHERE a.pic IN (SELECT pic FROM _h{i - 1}))")
    steps.append(f"_hood AS (SELECT pic FROM _h{sel.neighbourhood.order})")
    return "WITH " + ", ".join(steps) + " ", [sel.neighbourhood.seeds]


def compile_scope(sel: Selector) -> tuple[str, list]:
    """SQL returning the in-scope participations ``(pic, project_key)`` of a selector.

    >>> sql, params = compile_scope(Selector(country=["UK"], programme_part=["SC1"]))
    >>> params
    [['GB'], ['SC1']]
    """
    cte, params = _hood_cte(sel)
    where, p = _org_filters(sel, "p", "l", "p.country", "p.activity_type")
    params += p
    if sel.framework:
        where.append("list_contains(CAST(? AS VARCHAR[]), pr.framework)")
        params.append(sel.framework)
    if sel.programme_part:
        where.append("EXISTS (SELECT 1 FROM project_part pp WHERE pp.project_key = p.project_key "
                     "AND list_contains(CAST(? AS VARCHAR[]), upper(pp.programme_part)))")
        params.append(sel.programme_part)
    if sel.topic:
        where.append("(" + " OR ".join("starts_with(coalesce(pr.topics, ''), ?)" for _ in sel.topic) + ")")
        params += sel.topic
    if sel.keywords:
        where.append("(" + " OR ".join(
            "(lower(coalesce(pr.title, '')) LIKE ? OR lower(coalesce(pr.objective, '')) LIKE ? "
            "OR lower(coalesce(pr.acronym, '')) LIKE ?)" for _ in sel.keywords) + ")")
        for kw in sel.keywords:
            pattern = "%" + kw.lower().replace("%", "").replace("_", "") + "%"
            params += [pattern, pattern, pattern]
    if sel.years:
        where.append("pr.start_year BETWEEN ? AND ?")
        params += list(sel.years)
    sql = (cte + "SELECT DISTINCT p.pic, p.project_key FROM participation p "
           "JOIN project pr ON pr.project_key = p.project_key "
           "LEFT JOIN org_location l ON l.pic = p.pic"
           + (" WHERE " + " AND ".join(where) if where else ""))
    return sql, params


def compile_reference(sel: Selector) -> tuple[str, list]:
    """SQL returning the *reference population* of a selector for indicator #37.

    The reference population is every organisation the workspace knows (from any imported
    CORDIS organisation table or participation list, any programme) that meets the
    selector's organisation filters, whatever its projects.
    """
    cte, params = _hood_cte(sel)
    where, p = _org_filters(sel, "o", "l", "o.country", "o.activity_type")
    params += p
    sql = (cte + "SELECT o.pic FROM organisation o LEFT JOIN org_location l ON l.pic = o.pic"
           + (" WHERE " + " AND ".join(where) if where else ""))
    return sql, params


STORE_ECOSYSTEM = query("delineation.store_ecosystem",
                        "INSERT INTO ecosystem VALUES (?, ?, ?, ?, ?, ?, ?, ?, now()::TIMESTAMP)", engines=DUCKDB_ONLY)
CLEAR_ECOSYSTEMS = query("delineation.clear_ecosystems", "DELETE FROM ecosystem", engines=DUCKDB_ONLY)
ECOSYSTEM_IDS = query("delineation.ecosystem_ids", "SELECT ecosystem_id FROM ecosystem ORDER BY position")
ECOSYSTEM_DEFINITIONS = query("delineation.ecosystem_definitions",
                              "SELECT ecosystem_id, definition FROM ecosystem ORDER BY position")
#: the units (innovatlas.registry.units) of the selected PICs; a PIC missing from ``analysis_unit`` is its own unit
MEMBERS = query("delineation.members", """
    SELECT DISTINCT s.ecosystem_id, coalesce(u.unit, s.pic) AS pic
    FROM _scope s LEFT JOIN analysis_unit u ON u.pic = s.pic""")
PROJECTS = query("delineation.projects", "SELECT DISTINCT ecosystem_id, project_key FROM _scope")
#: the participations of each ecosystem's member units: a join on the unit alone (see :func:`scope_statements`);
#: every participation is labelled with its unit
MEMBER_PARTICIPATIONS = query("delineation.member_participations", """
    SELECT m.ecosystem_id, p.project_key, m.pic, p.role, p.activity_type, p.sme, p.ec_contribution, p.country,
           p.batch_id
    FROM (SELECT p.*, coalesce(u.unit, p.pic) AS unit FROM participation p LEFT JOIN analysis_unit u ON u.pic = p.pic) p
    JOIN ecosystem_member m ON m.pic = p.unit""")
#: of those, the ones in a project of the same ecosystem (a semi join on the full key), with year and actor type
SCOPE = query("delineation.scope", """
    SELECT s.ecosystem_id, s.project_key, s.pic, s.role, s.activity_type, s.sme, s.ec_contribution, s.country,
           pr.start_year, o.actor_type, s.batch_id, pr.framework
    FROM (SELECT * FROM _member_part mp
          SEMI JOIN ecosystem_project e ON e.ecosystem_id = mp.ecosystem_id AND e.project_key = mp.project_key) s
    JOIN project pr ON pr.project_key = s.project_key
    JOIN organisation o ON o.pic = s.pic""")


_EVERYTHING = Selector(country=["NL"], province=["Utrecht"], corop=["CR17"], municipality=["Delft"],
                       knowledge_city=["Delft"], activity_type=["HES"], organisations=[1, 2],
                       neighbourhood={"seeds": [1], "order": 2}, framework=["H2020"], programme_part=["SC1"],
                       topic=["SC1-"], keywords=["health"], years=(2015, 2018), nuts=["NL33"])


@builder("delineation.scope_union", ([("nl", Selector(country=["NL"])), ("all-filters", _EVERYTHING)],), ([],))
def scope_union(ecosystems: list[tuple[str, Selector]]) -> Bound:
    """The in-scope participations ``(ecosystem_id, pic, project_key)`` of every ecosystem in one statement
    (the engine plans the branches together)."""
    parts, params = [], []
    for eco_id, sel in ecosystems:
        sql, p = compile_scope(sel)
        parts.append(f"SELECT ? AS ecosystem_id, pic, project_key FROM ({sql})")
        params += [eco_id] + p
    if not parts:
        parts = ["SELECT CAST(NULL AS VARCHAR) AS ecosystem_id, CAST(NULL AS BIGINT) AS pic, "
                 "CAST(NULL AS VARCHAR) AS project_key WHERE 1 = 0"]
    return dynamic("delineation.scope_union", " UNION ALL ".join(parts), params)


@builder("delineation.reference_counts", ([("nl", Selector(country=["NL"])), ("all-filters", _EVERYTHING)],))
def reference_counts(ecosystems: list[tuple[str, Selector]]) -> Bound:
    """``(ecosystem_id, ref)``: the size of each ecosystem's reference population (indicator #37), in analysis units."""
    parts, params = [], []
    for eco_id, sel in ecosystems:
        ref_sql, p = compile_reference(sel)
        parts.append(f"SELECT ? AS ecosystem_id, count(DISTINCT coalesce(_u.unit, _r.pic)) AS ref FROM ({ref_sql}) _r "
                     "LEFT JOIN analysis_unit _u ON _u.pic = _r.pic")
        params += [eco_id] + p
    return dynamic("delineation.reference_counts", " UNION ALL ".join(parts), params)


def scope_statements() -> list[str]:
    """SQL statements, run in order, that fill ``scope`` from ``ecosystem_member`` and ``ecosystem_project``.

    ``scope`` holds every participation of a member in a project of the same ecosystem.
    Written so that no plan can pair members with projects on the ecosystem alone (the
    members x projects intermediate of issue 20: 1.2 billion rows for 247,112 results):

    1. ``_member_part``: the participations of each ecosystem's members, a join of two
       relations on ``pic`` alone (its size is bounded by members x their own
       participations), materialised as a small keyed set;
    2. the insert keeps those whose ``(ecosystem_id, project_key)`` is a project of the
       ecosystem, a SEMI JOIN on that full key, then adds the project year and the actor
       type by their primary keys. ``ecosystem_member`` and ``ecosystem_project`` never
       meet in one statement, so the optimiser has no ``ecosystem_id``-only join to choose.
    """
    return [f"CREATE OR REPLACE TEMP TABLE _member_part AS {MEMBER_PARTICIPATIONS.sql}",
            f"INSERT INTO scope {SCOPE.sql}", "DROP TABLE IF EXISTS _member_part"]
