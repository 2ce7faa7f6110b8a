"""Queries behind innovatlas.connect (the connection agenda): knowledge cities and their city regions, the
collaboration matrix, bridges and pipelines, the consortium builder, dynamics and stages, specialisation profiles
and the map of links between cities.

Only query definitions (no execution): the services in :mod:`innovatlas.connect` pass these to the workspace.
None writes the workspace; all run on both engines except :func:`pipelines` (DuckDB only, see there).
"""

from __future__ import annotations

from innovatlas.store.queries.indicators import partner_class_sql
from innovatlas.store.relational import DUCKDB_ONLY, Bound, builder, dynamic, query

__all__ = ["period", "reference_filter", "value_expr"]

# -- shared: ecosystems, names, start years (connect._common, views) -------------------------------------------------
ECOSYSTEM_DEFINITIONS = query("connect.ecosystem_definitions", """
    SELECT ecosystem_id, definition FROM ecosystem ORDER BY position""")

ECOSYSTEM_IDS = query("connect.ecosystem_ids", """
    SELECT ecosystem_id FROM ecosystem ORDER BY position""")

NAMES = query("connect.names", """
    SELECT ecosystem_id, name_en, name_nl FROM ecosystem WHERE list_contains(?, ecosystem_id)""")

START_YEAR_COUNTS = query("connect.start_year_counts", """
    SELECT start_year, count(*) FROM project WHERE start_year IS NOT NULL GROUP BY 1""")

# -- city regions (connect.regions) ---------------------------------------------------------------------------------
MUNICIPALITY_SHAPE_YEAR = query("connect.municipality_shape_year", """
    SELECT min(year) FROM geo_shape WHERE level = 'municipality'""")

MUNICIPALITY_SHAPES = query("connect.municipality_shapes", """
    SELECT code, geometry FROM geo_shape WHERE level = 'municipality' AND year = ? ORDER BY code""")

CITY_CODE = query("connect.city_code", """
    SELECT code, max(corop_code) FROM geo_region WHERE level = 'municipality' AND name = ?
                     AND year = (SELECT min(year) FROM geo_region WHERE level = 'municipality') GROUP BY code""")

COROP_MUNICIPALITIES = query("connect.corop_municipalities", """
    SELECT DISTINCT code FROM geo_region WHERE level = 'municipality' AND corop_code = ?
                                       AND code <> ? ORDER BY code""")


@builder("connect.scope_additions",
         ({"Delft": {"municipality": ["GM0503"], "adjacent": ["GM0503", "GM0599"], "corop": ["GM0503", "GM0518"]}},),
         ({"Delft": {"municipality": ["GM0503"], "adjacent": ["GM0503"], "corop": ["GM0503"]},
           "Leiden": {"municipality": ["GM0546"], "adjacent": ["GM0546", "GM0547"], "corop": ["GM0546"]}},))
def scope_additions(lists: dict[str, dict[str, list[str]]]) -> Bound:
    """Per (city, scope): Dutch participating organisations placed in the scope's municipalities, and how many
    municipalities it has; ``lists`` is city -> scope -> municipality codes (one UNION ALL part per pair)."""
    params, parts = [], []
    for city, by in lists.items():
        for s, codes in by.items():
            parts.append("SELECT ? AS city, ? AS scope, unnest(CAST(? AS VARCHAR[])) AS code")
            params += [city, s, codes]
    return dynamic("connect.scope_additions", f"""
        WITH r AS ({' UNION ALL '.join(parts)})
        SELECT r.city, r.scope, count(DISTINCT coalesce(u.unit, l.pic)), count(DISTINCT r.code) FROM r
        LEFT JOIN org_location l ON l.municipality_code = r.code
             AND l.pic IN (SELECT pic FROM organisation WHERE participations > 0)
        LEFT JOIN analysis_unit u ON u.pic = l.pic  -- organisations in analysis units, as the members are
        GROUP BY 1, 2""", params)


# -- connections: matrix, bridges, pipelines (connect.connections) --------------------------------------------------
def period(year_from: int | None, year_to: int | None, col: str = "start_year") -> tuple[str, list]:
    """The start-year condition of a period (either end open when None) and its parameters."""
    return f"(? IS NULL OR {col} >= ?) AND (? IS NULL OR {col} <= ?)", [year_from, year_from, year_to, year_to]


@builder("connect.matrix", (["delft", "leiden"], None, None), (["delft", "leiden", "eindhoven"], 2016, 2018))
def matrix(ids: list[str], year_from: int | None, year_to: int | None) -> Bound:
    """Joint projects, organisation pairs and joint EC funding of every pair of the ecosystems ``ids``."""
    cond, p = period(year_from, year_to)
    return dynamic("connect.matrix", f"""
        WITH s AS (SELECT DISTINCT ecosystem_id, project_key, pic FROM scope
                   WHERE list_contains(?, ecosystem_id) AND {cond}),
             pr AS (SELECT a.ecosystem_id AS ea, b.ecosystem_id AS eb, a.project_key, a.pic AS pa, b.pic AS pb
                    FROM s a JOIN s b ON a.project_key = b.project_key AND a.ecosystem_id < b.ecosystem_id AND a.pic <> b.pic),
             jp AS (SELECT DISTINCT ea, eb, project_key FROM pr)
        SELECT x.ea, x.eb, x.projects, y.org_pairs, x.ec FROM
            (SELECT ea, eb, count(*) AS projects, coalesce(sum(p.ec_max_contribution), 0) AS ec
             FROM jp JOIN project p USING (project_key) GROUP BY 1, 2) x
        JOIN (SELECT ea, eb, count(DISTINCT (least(pa, pb), greatest(pa, pb))) AS org_pairs FROM pr GROUP BY 1, 2) y
             USING (ea, eb)""", [ids] + p)


@builder("connect.ecosystem_projects", (["delft", "leiden"], None, None), (["delft"], 2016, None))
def ecosystem_projects(ids: list[str], year_from: int | None, year_to: int | None) -> Bound:
    """In-scope projects of each of the ecosystems ``ids`` in the period."""
    cond, p = period(year_from, year_to)
    return dynamic("connect.ecosystem_projects", f"""SELECT ecosystem_id, count(DISTINCT project_key) FROM scope
                             WHERE list_contains(?, ecosystem_id) AND {cond} GROUP BY 1""", [ids] + p)


@builder("connect.projects_in_period", (None, None), (2016, 2018))
def projects_in_period(year_from: int | None, year_to: int | None) -> Bound:
    """All projects of the workspace starting in the period."""
    cond, p = period(year_from, year_to)
    return dynamic("connect.projects_in_period", f"SELECT count(*) FROM project WHERE {cond}", p)


@builder("connect.pair_bridges", ("delft", "leiden", 10, None, None), ("delft", "eindhoven", 3, 2015, 2017))
def pair_bridges(a: str, b: str, limit: int, year_from: int | None, year_to: int | None) -> Bound:
    """The organisations carrying most of the joint projects between ecosystems ``a`` and ``b``."""
    cond, p = period(year_from, year_to)
    return dynamic("connect.pair_bridges", f"""
        WITH s AS (SELECT DISTINCT ecosystem_id, project_key, pic FROM scope
                   WHERE ecosystem_id IN (?, ?) AND {cond}),
             pr AS (SELECT x.ecosystem_id AS side, x.pic, x.project_key, y.pic AS partner FROM s x JOIN s y
                    ON x.project_key = y.project_key AND x.ecosystem_id <> y.ecosystem_id AND x.pic <> y.pic),
             tot AS (SELECT count(DISTINCT project_key) AS n FROM pr)
        SELECT pr.pic, o.label, o.activity_type, pr.side AS ecosystem_id, count(DISTINCT pr.project_key) AS joint_projects,
               count(DISTINCT pr.partner) AS partners_other_side,
               count(DISTINCT pr.project_key) / max(tot.n) AS share_of_joint_projects
        FROM pr JOIN organisation o ON o.pic = pr.pic, tot
        GROUP BY ALL ORDER BY joint_projects DESC, partners_other_side DESC, pr.pic LIMIT {int(limit)}""",
                   [a, b] + p)


@builder("connect.bridges", (["delft", "leiden", "eindhoven"], 15))
def bridges(ids: list[str], limit: int) -> Bound:
    """Organisations with joint projects with the most other ecosystems of ``ids``, and the pair they carry most."""
    return dynamic("connect.bridges", f"""
        WITH s AS (SELECT DISTINCT ecosystem_id, project_key, pic FROM scope WHERE list_contains(?, ecosystem_id)),
             pr AS (SELECT x.ecosystem_id AS home, x.pic, y.ecosystem_id AS other, x.project_key FROM s x JOIN s y
                    ON x.project_key = y.project_key AND x.ecosystem_id <> y.ecosystem_id AND x.pic <> y.pic),
             pairtot AS (SELECT least(home, other) AS ea, greatest(home, other) AS eb, count(DISTINCT project_key) AS n
                         FROM pr GROUP BY 1, 2),
             per AS (SELECT pr.pic, pr.home, pr.other, count(DISTINCT pr.project_key) AS k, max(t.n) AS n
                     FROM pr JOIN pairtot t ON t.ea = least(pr.home, pr.other) AND t.eb = greatest(pr.home, pr.other)
                     GROUP BY 1, 2, 3),
             best AS (SELECT pic, home, other, k, n FROM per QUALIFY row_number() OVER (PARTITION BY pic, home
                      ORDER BY k::DOUBLE / n DESC, other) = 1),
             agg AS (SELECT pr.pic, pr.home, count(DISTINCT pr.other) AS cities_linked,
                            count(DISTINCT pr.project_key) AS joint_projects FROM pr GROUP BY 1, 2)
        SELECT agg.pic, o.label, o.activity_type, agg.home AS ecosystem_id, agg.cities_linked, agg.joint_projects,
               best.other AS carries_pair_with, best.k AS pair_projects, best.k::DOUBLE / best.n AS share_of_pair
        FROM agg JOIN best USING (pic, home) JOIN organisation o ON o.pic = agg.pic
        ORDER BY cities_linked DESC, joint_projects DESC, agg.pic LIMIT {int(limit)}""", [ids])


@builder("connect.multi_members", (["delft-adjacent", "leiden-adjacent"], 20))
def multi_members(ids: list[str], limit: int) -> Bound:
    """Organisations that are members of two or more of the ecosystems ``ids``."""
    return dynamic("connect.multi_members", f"""
        SELECT m.pic, o.label, o.activity_type, count(*) AS ecosystems, list(m.ecosystem_id ORDER BY m.ecosystem_id) AS ids
        FROM ecosystem_member m JOIN organisation o USING (pic) WHERE list_contains(?, m.ecosystem_id)
        GROUP BY m.pic, o.label, o.activity_type, o.participations HAVING count(*) >= 2
        ORDER BY ecosystems DESC, o.participations DESC, m.pic LIMIT {int(limit)}""", [ids])


MULTI_MEMBERS_TOTAL = query("connect.multi_members_total", """
    SELECT count(*) FROM (SELECT pic FROM ecosystem_member WHERE list_contains(?, ecosystem_id)
                         GROUP BY pic HAVING count(*) >= 2)""")


@builder("connect.relation_shares", (["delft", "leiden"], None, None), (["delft"], 2015, 2018))
def relation_shares(ids: list[str], year_from: int | None, year_to: int | None) -> Bound:
    """(ecosystem, partner class, relations) from the participations, the convention of indicator #18."""
    cond, p = period(year_from, year_to, "s.start_year")
    cls = partner_class_sql("m2.pic IS NOT NULL", "q.country")  # the partner classes of indicator #18
    return dynamic("connect.relation_shares", f"""
        WITH pairs AS (
            SELECT DISTINCT s.ecosystem_id,
                   CASE WHEN m2.pic IS NOT NULL THEN least(s.pic, q.pic) ELSE s.pic END AS a,
                   CASE WHEN m2.pic IS NOT NULL THEN greatest(s.pic, q.pic) ELSE q.pic END AS b, {cls} AS cls
            FROM scope s
            -- partners in analysis units, as indicator #18 counts them (innovatlas.registry.units)
            JOIN (SELECT p.project_key, coalesce(u.unit, p.pic) AS pic, p.country FROM participation p
                  LEFT JOIN analysis_unit u ON u.pic = p.pic) q ON q.project_key = s.project_key AND q.pic <> s.pic
            LEFT JOIN ecosystem_member m2 ON m2.ecosystem_id = s.ecosystem_id AND m2.pic = q.pic
            WHERE list_contains(?, s.ecosystem_id) AND {cond})
        SELECT ecosystem_id, cls, count(*) FROM pairs GROUP BY 1, 2""", [ids] + p)


STORED_RELATION_SHARES = query("connect.stored_relation_shares", """
    SELECT ecosystem_id, breakdown, value FROM indicator_value WHERE list_contains(?, ecosystem_id)
                            AND measure = 'collaboration_relations' AND year IS NULL AND breakdown <> ''
                            AND NOT starts_with(breakdown, 'programme:')""")


@builder("connect.pipelines", (["delft", "leiden"], 5, None, None), (["delft"], 3, 2016, 2019))
def pipelines(ids: list[str], top: int, year_from: int | None, year_to: int | None) -> Bound:
    """Per ecosystem: its ``top`` foreign partner countries and organisations (partners outside the ecosystem).

    DuckDB only: sqlglot passes ``AS MATERIALIZED`` through to Spark SQL, whose parser rejects it.
    """
    cond, p = period(year_from, year_to, "start_year")
    return dynamic("connect.pipelines", f"""
        WITH e AS (SELECT DISTINCT ecosystem_id, project_key FROM scope WHERE list_contains(?, ecosystem_id) AND {cond}),
             f AS MATERIALIZED (SELECT e.ecosystem_id, e.project_key, q.pic, q.country FROM e
                   JOIN participation q USING (project_key)
                   ANTI JOIN ecosystem_member m ON m.ecosystem_id = e.ecosystem_id AND m.pic = q.pic
                   WHERE q.country <> 'NL'),
             c AS (SELECT ecosystem_id, country, count(DISTINCT pic) AS orgs, count(DISTINCT project_key) AS projects
                   FROM f GROUP BY 1, 2
                   QUALIFY row_number() OVER (PARTITION BY ecosystem_id ORDER BY projects DESC, orgs DESC, country) <= {int(top)}),
             o AS (SELECT ecosystem_id, pic, count(DISTINCT project_key) AS projects FROM f GROUP BY 1, 2
                   QUALIFY row_number() OVER (PARTITION BY ecosystem_id ORDER BY projects DESC, pic) <= {int(top)})
        SELECT 'country', ecosystem_id, NULL::BIGINT, country, orgs, projects FROM c
        UNION ALL SELECT 'org', ecosystem_id, pic, NULL, NULL, projects FROM o""", [ids] + p, engines=DUCKDB_ONLY)


ORGANISATION_INFO = query("connect.organisation_info", """
    SELECT pic, label, country FROM organisation WHERE list_contains(?, pic)""")

# -- consortium builder (connect.consortium) -------------------------------------------------------------------------
ECOSYSTEM_ACTIVITY_TYPES = query("connect.ecosystem_activity_types", """
    SELECT activity_type, count(*) FROM scope WHERE ecosystem_id = ? GROUP BY 1""")

NL_ACTIVITY_TYPES = query("connect.nl_activity_types", """
    SELECT activity_type, count(*) FROM participation WHERE country = 'NL' GROUP BY 1""")

SME_KNOWN = query("connect.sme_known", """
    SELECT count(*) FROM organisation WHERE sme IS NOT NULL""")

THEMES = query("connect.themes", """
    SELECT DISTINCT programme_part FROM project_part ORDER BY 1""")


@builder("connect.candidate_pool", ("SC3", ["NL"], "delft", None, None, 200),
         (None, ["NL", "BE", "DE"], "delft", "PRC", True, 200))
def candidate_pool(theme: str | None, countries: list[str], eco_id: str, actor_type: str | None, sme: bool | None,
                   pool: int) -> Bound:
    """The ``pool`` organisations outside ``eco_id`` with the most projects in the theme (any theme when None)."""
    return dynamic("connect.candidate_pool", f"""
        WITH tp AS (SELECT DISTINCT project_key FROM project_part WHERE ? IS NULL OR programme_part = ?),
             c AS (SELECT p.pic, count(DISTINCT p.project_key) AS theme_projects, coalesce(sum(p.ec_contribution), 0) AS theme_ec
                   FROM participation p JOIN tp USING (project_key)
                   WHERE p.country IN (SELECT unnest(CAST(? AS VARCHAR[])))
                     AND p.pic NOT IN (SELECT pic FROM ecosystem_member WHERE ecosystem_id = ?)
                   GROUP BY 1)
        SELECT c.*, o.label, o.activity_type, o.actor_type, o.sme, o.country, l.municipality
        FROM c JOIN organisation o USING (pic) LEFT JOIN org_location l USING (pic)
        WHERE (? IS NULL OR o.activity_type = ?) AND (? IS NULL OR o.sme = ?)
        ORDER BY theme_projects DESC, theme_ec DESC, c.pic LIMIT {pool}""",
                   [theme, theme, countries, eco_id, actor_type, actor_type, sme, sme])


ECOSYSTEM_MEMBERS = query("connect.ecosystem_members", """
    SELECT pic FROM ecosystem_member WHERE ecosystem_id = ?""")

ECOSYSTEM_THEME_PROFILE = query("connect.ecosystem_theme_profile", """
    SELECT pp.programme_part, count(*) FROM scope s
                           JOIN (SELECT DISTINCT project_key, programme_part FROM project_part) pp USING (project_key)
                           WHERE s.ecosystem_id = ? GROUP BY 1""")

CANDIDATE_TIES = query("connect.candidate_ties", """
    WITH cand AS (SELECT unnest(CAST(? AS BIGINT[])) AS pic),
         mp AS (SELECT m.project_key, m.pic, o.label FROM participation m JOIN ecosystem_member e
                ON e.pic = m.pic AND e.ecosystem_id = ? JOIN organisation o ON o.pic = m.pic)
    SELECT c.pic, count(DISTINCT mp.project_key), list(DISTINCT mp.label ORDER BY mp.label)
    FROM cand c JOIN participation p USING (pic) JOIN mp ON mp.project_key = p.project_key GROUP BY 1""")

ORGANISATION_PAIRS = query("connect.organisation_pairs", """
    SELECT DISTINCT a.pic AS a, b.pic AS b FROM participation a JOIN participation b
                             ON a.project_key = b.project_key AND a.pic <> b.pic""")

THEME_PROFILES = query("connect.theme_profiles", """
    SELECT p.pic, pp.programme_part AS t, count(*) AS n FROM participation p
                             JOIN (SELECT DISTINCT project_key, programme_part FROM project_part) pp USING (project_key)
                             GROUP BY 1, 2""")

ORGANISATION_PICS = query("connect.organisation_pics", """
    SELECT pic FROM organisation""")

# -- dynamics and stages (connect.dynamics) --------------------------------------------------------------------------
YEARLY = query("connect.yearly", """
    WITH act AS (SELECT DISTINCT ecosystem_id, pic, start_year AS y FROM scope
                 WHERE list_contains(?, ecosystem_id) AND start_year BETWEEN ? AND ?),
         span AS (SELECT ecosystem_id, pic, min(y) AS first, max(y) AS last FROM act GROUP BY 1, 2),
         yr AS (SELECT unnest(range(?, ? + 1)) AS y),
         e AS (SELECT unnest(CAST(? AS VARCHAR[])) AS ecosystem_id),
         grid AS (SELECT e.ecosystem_id, yr.y FROM e, yr),
         a AS (SELECT act.ecosystem_id, act.y, count(*) AS active, count(*) FILTER (WHERE s.first = act.y) AS entrants
               FROM act JOIN span s USING (ecosystem_id, pic) GROUP BY 1, 2),
         l AS (SELECT ecosystem_id, last + 1 AS y, count(*) AS leavers FROM span WHERE last < ? GROUP BY 1, 2),
         f AS (SELECT ecosystem_id, start_year AS y, coalesce(sum(ec_contribution), 0) AS funding FROM scope
               WHERE list_contains(?, ecosystem_id) AND start_year BETWEEN ? AND ? GROUP BY 1, 2),
         k AS (SELECT ecosystem_id, year AS y, value AS links FROM indicator_value
               WHERE measure = 'collaboration_relations' AND breakdown = 'internal' AND year IS NOT NULL
                 AND list_contains(?, ecosystem_id))
    SELECT g.ecosystem_id, g.y, coalesce(a.active, 0), coalesce(a.entrants, 0), coalesce(l.leavers, 0),
           coalesce(f.funding, 0), coalesce(k.links, 0)
    FROM grid g LEFT JOIN a USING (ecosystem_id, y) LEFT JOIN l USING (ecosystem_id, y)
    LEFT JOIN f USING (ecosystem_id, y) LEFT JOIN k USING (ecosystem_id, y)
    ORDER BY 1, 2""")

NEWCOMERS = query("connect.newcomers", """
    WITH act AS (SELECT DISTINCT ecosystem_id, pic, start_year AS y FROM scope
                 WHERE list_contains(?, ecosystem_id) AND start_year BETWEEN ? AND ?),
         p AS (SELECT ecosystem_id, pic, bool_or(y < ?) AS early, bool_or(y >= ?) AS late FROM act GROUP BY 1, 2)
    SELECT ecosystem_id, count(*) FILTER (WHERE late AND NOT early)::DOUBLE / nullif(count(*) FILTER (WHERE late), 0)
    FROM p GROUP BY 1""")

SURVIVAL = query("connect.survival", """
    WITH act AS (SELECT DISTINCT ecosystem_id, pic, start_year AS y FROM scope
                 WHERE list_contains(?, ecosystem_id) AND start_year BETWEEN ? AND ?),
         span AS (SELECT ecosystem_id, pic, min(y) AS c FROM act GROUP BY 1, 2),
         ks AS (SELECT unnest(range(1, ? - ? + 1)) AS k)
    SELECT s.ecosystem_id, s.c, ks.k, count(DISTINCT s.pic) AS cohort,
           count(DISTINCT a.pic) AS survivors
    FROM span s JOIN ks ON s.c + ks.k <= ?
    LEFT JOIN act a ON a.ecosystem_id = s.ecosystem_id AND a.pic = s.pic AND a.y >= s.c + ks.k
    GROUP BY 1, 2, 3 ORDER BY 1, 2, 3""")

REFERENCE_ACTIVE = query("connect.reference_active", """
    SELECT pr.start_year, count(DISTINCT p.pic), count(DISTINCT p.pic) FILTER (WHERE l.municipality_code IS NOT NULL)
    FROM participation p JOIN project pr USING (project_key) LEFT JOIN org_location l USING (pic)
    WHERE p.country = 'NL' AND pr.start_year BETWEEN ? AND ? GROUP BY 1""")

DEFINITIONS_OF = query("connect.definitions_of", """
    SELECT ecosystem_id, definition FROM ecosystem WHERE list_contains(?, ecosystem_id)""")


# -- specialisation profiles (connect.specialisation) ----------------------------------------------------------------
def value_expr(measure: str, a: str) -> str:
    """The activity counted per theme: participations, distinct organisations or EC funding of alias ``a``."""
    return {"participations": "count(*)", "organisations": f"count(DISTINCT {a}.pic)",
            "funding": f"coalesce(sum({a}.ec_contribution), 0)"}[measure]


def reference_filter(reference: str, eu28: list[str]) -> tuple[str, list]:
    """The participations of a reference population (``nl``, ``eu28`` with the EU-28 ISO codes, or ``all``)."""
    if reference == "nl":
        return "p.country = 'NL'", []
    if reference == "eu28":
        return "list_contains(CAST(? AS VARCHAR[]), p.country)", [eu28]
    return "TRUE", []


@builder("connect.ecosystem_theme_counts", (["delft", "leiden"], "participations", None, None),
         (["delft"], "organisations", 2016, 2018), (["delft"], "funding", None, 2019))
def ecosystem_theme_counts(ids: list[str], measure: str, year_from: int | None, year_to: int | None) -> Bound:
    """Per ecosystem and programme part: the measure and the participations (whole counting)."""
    return dynamic("connect.ecosystem_theme_counts", f"""
        SELECT s.ecosystem_id, pp.programme_part, {value_expr(measure, 's')},
               count(*)
        FROM scope s JOIN (SELECT DISTINCT project_key, programme_part FROM project_part) pp USING (project_key)
        WHERE list_contains(?, s.ecosystem_id) AND (? IS NULL OR s.start_year >= ?) AND (? IS NULL OR s.start_year <= ?)
        GROUP BY 1, 2""", [ids, year_from, year_from, year_to, year_to])


@builder("connect.reference_theme_counts", ("nl", [], "participations", None, None),
         ("eu28", ["NL", "BE", "DE"], "organisations", 2016, 2018), ("all", [], "funding", None, None))
def reference_theme_counts(reference: str, eu28: list[str], measure: str, year_from: int | None,
                           year_to: int | None) -> Bound:
    """Per programme part: the measure over the reference population's participations."""
    where, params = reference_filter(reference, eu28)
    return dynamic("connect.reference_theme_counts", f"""
        SELECT pp.programme_part, {value_expr(measure, 'p')}
        FROM participation p JOIN (SELECT DISTINCT project_key, programme_part FROM project_part) pp USING (project_key)
        JOIN project pr ON pr.project_key = p.project_key
        WHERE {where} AND (? IS NULL OR pr.start_year >= ?) AND (? IS NULL OR pr.start_year <= ?)
        GROUP BY 1""", params + [year_from, year_from, year_to, year_to])


# -- the map of links between cities (connect.views) -----------------------------------------------------------------
PROVINCE_SHAPE_YEAR = query("connect.province_shape_year", """
    SELECT max(year) FROM geo_shape WHERE level = 'province'""")

PROVINCE_SHAPES = query("connect.province_shapes", """
    SELECT name, geometry FROM geo_shape WHERE level = 'province' AND year = ? ORDER BY code""")

