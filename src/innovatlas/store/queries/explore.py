"""Queries behind :mod:`innovatlas.explore` (the web app's and the downloads' read services): ecosystem
details, indicator values and series, organisation lists, search and pages, the filtered network and the
map layers. Every value the user gives is a bound parameter; identifiers interpolated by the builders come
from fixed tables in this module, chosen by the service after it has checked the user's choice."""

from __future__ import annotations

from typing import Any

from innovatlas.store.queries.indicators import partner_class_sql
from innovatlas.store.relational import Bound, builder, dynamic, query

__all__ = ["MEMBER_SORTS", "REGION_CODES"]

# -- ecosystems and indicator values ---------------------------------------------------------------------------------
CHILDREN = query("explore.children", """
    SELECT ecosystem_id FROM ecosystem WHERE parent = ? ORDER BY position""")

MEMBER_COUNT = query("explore.member_count", """
    SELECT count(*) FROM ecosystem_member WHERE ecosystem_id = ?""")

#: parameters: ecosystem, mode ('total', 'year' or 'all') three times with the year after the second
INDICATOR_VALUES = query("explore.indicator_values", """
    SELECT indicator, measure, breakdown, year, value, unit, method, source, computed_at FROM indicator_value
    WHERE ecosystem_id = ? AND ((? = 'total' AND year IS NULL) OR (? = 'year' AND year = ?) OR ? = 'all')
    ORDER BY indicator, measure, breakdown, year NULLS FIRST""")

INDICATOR_SERIES = query("explore.indicator_series", """
    SELECT year, value FROM indicator_value WHERE ecosystem_id = ? AND measure = ? AND breakdown = ?
    AND year IS NOT NULL ORDER BY year""")

INDICATORS_BY_YEAR = query("explore.indicators_by_year", """
    SELECT indicator, measure, breakdown, year, value, unit FROM indicator_value
    WHERE ecosystem_id = ? AND year IS NOT NULL
    ORDER BY indicator, measure, breakdown, year""")

# -- organisations ---------------------------------------------------------------------------------------------------
#: sort key of the member list -> ORDER BY fragment
MEMBER_SORTS = {"participations": "participations DESC", "ec_contribution_eur": "ec_contribution_eur DESC",
                "name": "label", "betweenness": "betweenness DESC NULLS LAST", "degree": "degree DESC NULLS LAST"}


@builder("explore.members", ("delft", "participations", 50, 0), ("delft", "betweenness", 10, 20))
def members(eco_id: str, sort: str, limit: int, offset: int) -> Bound:
    """The members of an ecosystem with their participations, funding and network position (``sort`` a key of
    :data:`MEMBER_SORTS`)."""
    return dynamic("explore.members", f"""
        SELECT o.pic, o.label, o.name IS NOT NULL AS named, o.activity_type, o.actor_type, o.country, l.municipality,
               count(*) AS participations, coalesce(sum(s.ec_contribution), 0) AS ec_contribution_eur,
               count(*) FILTER (WHERE s.role = 'coordinator') AS coordinator_roles,
               any_value(n.degree) AS degree, any_value(n.betweenness) AS betweenness, any_value(n.community) AS community
        FROM scope s JOIN organisation o USING (pic) LEFT JOIN org_location l USING (pic)
        LEFT JOIN network_node n ON n.ecosystem_id = s.ecosystem_id AND n.pic = s.pic
        WHERE s.ecosystem_id = ?
        GROUP BY o.pic, o.label, o.name, o.activity_type, o.actor_type, o.country, l.municipality
        ORDER BY {MEMBER_SORTS[sort]}, o.pic LIMIT ? OFFSET ?""", [eco_id, limit, offset])


REGION_NAME = query("explore.region_name", """
    SELECT name FROM geo_shape WHERE code = ? ORDER BY year DESC LIMIT 1""")


def _search_where(q: str, city: str | None, country: str | None, region: str | None) -> tuple[str, list[Any]]:
    """WHERE condition and parameters of an organisation search (``q`` already stripped)."""
    where, params = ["o.participations > 0"], []
    if region:
        where.append("(l.municipality_code = ? OR l.corop_code = ? OR l.province_code = ?)")
        params += [region, region, region]
    if q:
        if q.isdigit():
            where.append("(o.pic = ? OR CAST(o.pic AS VARCHAR) LIKE ?)")
            params += [int(q), q + "%"]
        else:
            where.append("(o.label ILIKE ? OR o.short_name ILIKE ?)")
            params += [f"%{q}%", f"%{q}%"]
    if city:
        where.append("(o.city ILIKE ? OR l.municipality ILIKE ?)")
        params += [city, city]
    if country:
        where.append("o.country = ?")
        params.append(country.upper())
    return " AND ".join(where), params


_SEARCH_EXAMPLES = (("", None, None, None), ("delft", "Delft", "nl", None), ("999", None, None, "GM0503"))


@builder("explore.search_count", *_SEARCH_EXAMPLES)
def search_count(q: str, city: str | None, country: str | None, region: str | None) -> Bound:
    """How many organisations an organisation search finds."""
    sql_where, params = _search_where(q, city, country, region)
    return dynamic("explore.search_count",
                   f"SELECT count(*) FROM organisation o LEFT JOIN org_location l USING (pic) WHERE {sql_where}", params)


@builder("explore.search", *((*a, 20, 0) for a in _SEARCH_EXAMPLES))
def search(q: str, city: str | None, country: str | None, region: str | None, limit: int, offset: int) -> Bound:
    """One page of an organisation search, most participations first."""
    sql_where, params = _search_where(q, city, country, region)
    return dynamic("explore.search", f"""
        SELECT o.pic, o.label, o.activity_type, o.actor_type, o.country, o.city, l.municipality, o.participations
        FROM organisation o LEFT JOIN org_location l USING (pic) WHERE {sql_where}
        ORDER BY o.participations DESC, o.pic LIMIT ? OFFSET ?""", params + [limit, offset])


ORGANISATION = query("explore.organisation", """
    SELECT o.*, l.municipality, l.corop, l.province, l.knowledge_city, l.method AS placement
    FROM organisation o LEFT JOIN org_location l USING (pic) WHERE o.pic = ?""")

NAME_SOURCE = query("explore.name_source", """
    SELECT dataset || ': ' || file FROM import_batch WHERE batch_id = ?""")

#: parameters: PIC, number of partners
PARTNERS = query("explore.partners", f"""
    SELECT q.pic, o.label, o.activity_type, q.country, count(DISTINCT q.project_key) AS joint_projects,
           any_value({partner_class_sql("FALSE", "q.country")}) AS where_from, count(*) OVER () AS partner_count
    FROM participation p JOIN participation q ON q.project_key = p.project_key AND q.pic <> p.pic
    JOIN organisation o ON o.pic = q.pic
    WHERE p.pic = ? GROUP BY q.pic, o.label, o.activity_type, q.country
    ORDER BY joint_projects DESC, q.pic LIMIT ?""")

#: parameters: PIC, number of projects
PROJECTS = query("explore.projects", """
    WITH mine AS (
        SELECT p.project_key, pr.acronym, pr.title, pr.start_year, p.role, p.ec_contribution
        FROM participation p JOIN project pr USING (project_key) WHERE p.pic = ?
        ORDER BY pr.start_year DESC NULLS LAST, p.project_key LIMIT ?),
    parts AS (SELECT project_key, string_agg(programme_part, ', ' ORDER BY programme_part) AS programme_parts
              FROM project_part WHERE project_key IN (SELECT project_key FROM mine) GROUP BY 1),
    sizes AS (SELECT project_key, count(*) AS participants FROM participation
              WHERE project_key IN (SELECT project_key FROM mine) GROUP BY 1)
    SELECT mine.*, parts.programme_parts, sizes.participants FROM mine
    LEFT JOIN parts USING (project_key) LEFT JOIN sizes USING (project_key)
    ORDER BY mine.start_year DESC NULLS LAST, mine.project_key""")

FUNDING_BY_YEAR = query("explore.funding_by_year", """
    SELECT pr.start_year AS year, count(*) AS participations, coalesce(sum(p.ec_contribution), 0) AS ec_contribution_eur
    FROM participation p JOIN project pr USING (project_key) WHERE p.pic = ? AND pr.start_year IS NOT NULL
    GROUP BY 1 ORDER BY 1""")

ORGANISATION_ECOSYSTEMS = query("explore.organisation_ecosystems", """
    SELECT e.ecosystem_id, e.name_en, e.name_nl, e.kind FROM ecosystem_member m
    JOIN ecosystem e USING (ecosystem_id) WHERE m.pic = ? ORDER BY e.position""")


# -- the filtered network --------------------------------------------------------------------------------------------
def _scope(eco_id: str, year_from: int | None, year_to: int | None,
           programme: str | None = None) -> tuple[str, list[Any]]:
    """The in-scope (project, organisation) pairs of an ecosystem in a start-year range (and of one framework
    programme, when given), and their parameters."""
    flt = ["ecosystem_id = ?"]
    params: list[Any] = [eco_id]
    if programme is not None:
        flt.append("framework = ?")
        params.append(programme)
    if year_from is not None:
        flt.append("start_year >= ?")
        params.append(year_from)
    if year_to is not None:
        flt.append("start_year <= ?")
        params.append(year_to)
    return "SELECT DISTINCT project_key, pic FROM scope WHERE " + " AND ".join(flt), params


def _type_filter(types: list[str]) -> str:
    return " AND o.activity_type IN (SELECT unnest(CAST(? AS VARCHAR[])))" if types else ""


@builder("explore.network_edges", ("delft", None, None, [], False), ("delft", 2016, 2018, ["HES", "PRC"], False),
         ("delft", 2016, None, ["REC"], True), ("delft", None, None, [], False, "FP7"))
def network_edges(eco_id: str, year_from: int | None, year_to: int | None, types: list[str], partners: bool,
                  programme: str | None = None) -> Bound:
    """Weighted joint-project links ``(a, b, w)`` of an ecosystem's filtered network; with ``partners`` also the
    links between members and the organisations outside that share an in-scope project with them; with
    ``programme`` only the projects of that framework programme."""
    scope_sql, params = _scope(eco_id, year_from, year_to, programme)
    type_filter = _type_filter(types)
    if partners:
        edge_sql = f"""
            WITH s AS ({scope_sql}),
                 q AS (SELECT DISTINCT p.project_key, p.pic FROM participation p WHERE p.project_key IN (SELECT project_key FROM s)),
                 m AS (SELECT pic FROM ecosystem_member WHERE ecosystem_id = ?),
                 pairs AS (SELECT least(s.pic, q.pic) AS a, greatest(s.pic, q.pic) AS b, s.project_key
                           FROM s JOIN q ON q.project_key = s.project_key AND q.pic <> s.pic
                           WHERE q.pic NOT IN (SELECT pic FROM m) OR s.pic < q.pic)
            SELECT a, b, count(DISTINCT project_key) AS w FROM pairs
            JOIN organisation oa ON oa.pic = a JOIN organisation ob ON ob.pic = b
            WHERE TRUE {type_filter.replace('o.', 'oa.')} {type_filter.replace('o.', 'ob.')}
            GROUP BY a, b ORDER BY a, b"""
        eparams = params + [eco_id] + ([types, types] if types else [])
    else:
        edge_sql = f"""
            WITH s AS ({scope_sql})
            SELECT a.pic AS a, b.pic AS b, count(*) AS w FROM s a JOIN s b ON a.project_key = b.project_key AND a.pic < b.pic
            JOIN organisation oa ON oa.pic = a.pic JOIN organisation ob ON ob.pic = b.pic
            WHERE TRUE {type_filter.replace('o.', 'oa.')} {type_filter.replace('o.', 'ob.')}
            GROUP BY a.pic, b.pic ORDER BY a.pic, b.pic"""
        eparams = params + ([types, types] if types else [])
    return dynamic("explore.network_edges", edge_sql, eparams)


@builder("explore.network_nodes", ("delft", None, None, []), ("delft", 2016, 2018, ["HES", "PRC"]),
         ("delft", None, None, [], "H2020"))
def network_nodes(eco_id: str, year_from: int | None, year_to: int | None, types: list[str],
                  programme: str | None = None) -> Bound:
    """The in-scope organisations (``pic``) of an ecosystem's filtered network."""
    scope_sql, params = _scope(eco_id, year_from, year_to, programme)
    type_filter = _type_filter(types)
    return dynamic("explore.network_nodes", f"""
        WITH s AS ({scope_sql})
        SELECT DISTINCT o.pic FROM s JOIN organisation o USING (pic) WHERE TRUE {type_filter}""",
                   params + ([types] if types else []))


#: parameters: the PICs (a list), the ecosystem twice
NETWORK_ATTRIBUTES = query("explore.network_attributes", """
    SELECT o.pic, o.label, o.activity_type, o.actor_type, o.country, n.betweenness, n.community,
           m.pic IS NOT NULL AS member
    FROM (SELECT unnest(CAST(? AS BIGINT[])) AS pic) x JOIN organisation o USING (pic)
    LEFT JOIN network_node n ON n.ecosystem_id = ? AND n.pic = o.pic
    LEFT JOIN ecosystem_member m ON m.ecosystem_id = ? AND m.pic = o.pic ORDER BY o.pic""")

ANALYSED_AT = query("explore.analysed_at", """
    SELECT max(computed_at)::VARCHAR FROM ecosystem""")

# -- maps ------------------------------------------------------------------------------------------------------------
#: map level -> the org_location column of its region code
REGION_CODES = {"province": "province_code", "corop": "corop_code", "municipality": "municipality_code"}
_MEASURES = {"organisations": "count(DISTINCT p.pic)", "participations": "count(*)",
             "projects": "count(DISTINCT p.project_key)", "ec_contribution_eur": "coalesce(sum(p.ec_contribution), 0)"}


@builder("explore.region_values", ("province", "organisations"), ("municipality", "ec_contribution_eur"))
def region_values(level: str, measure: str) -> Bound:
    """Per region code of a level: a measure over the participations of the organisations placed there."""
    code, expr = REGION_CODES[level], _MEASURES[measure]
    return dynamic("explore.region_values", f"""
        SELECT l.{code}, {expr} FROM participation p JOIN org_location l USING (pic)
        WHERE l.{code} IS NOT NULL GROUP BY 1""")


#: parameters: level twice
MAP_YEAR = query("explore.map_year", """
    SELECT CASE WHEN ? = 'corop' THEN min(year) ELSE max(year) END FROM geo_shape WHERE level = ?""")

MUNICIPALITY_MAP_YEAR = query("explore.municipality_map_year", """
    SELECT min(year) FROM geo_shape WHERE level = 'municipality'""")

SHAPES = query("explore.shapes", """
    SELECT code, name, geometry FROM geo_shape WHERE level = ? AND year = ? ORDER BY code""")


@builder("explore.map_left_out", ("province",), ("municipality",))
def map_left_out(level: str) -> Bound:
    """Participating Dutch organisations without a region of the level (left out of the map's values)."""
    return dynamic("explore.map_left_out", f"""
        SELECT count(*) FROM org_location l JOIN organisation o USING (pic)
        WHERE o.participations > 0 AND l.{REGION_CODES[level]} IS NULL""")


KNOWLEDGE_CITY_POINTS = query("explore.knowledge_city_points", """
    SELECT DISTINCT l.knowledge_city, l.municipality_code, s.geometry FROM org_location l
    JOIN geo_shape s ON s.code = l.municipality_code AND s.level = 'municipality'
    AND s.year = (SELECT min(year) FROM geo_shape WHERE level = 'municipality')
    WHERE l.knowledge_city IS NOT NULL ORDER BY 1""")
