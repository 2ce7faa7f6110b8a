"""Queries behind innovatlas.publications: OpenAlex works per organisation and ecosystem, co-publication networks.

Resolution (:func:`resolved_affiliations`, the one place that says which organisation an OpenAlex institution
is): an institution with a ROR id is the registry organisation ``ror:<id>``; the PICs the registry links to that
key (``registry_identifier``, scheme ``pic``) make it an ecosystem member, so one organisation carries both its
projects and its publications. An institution without a ROR id stays ``openalex:<id>`` (a partner, never a
member). The registry helper's ``register_openalex_institutions`` can take this place at merge: only this
function changes.
"""

from __future__ import annotations

from innovatlas.store.relational import DUCKDB_ONLY, builder, dynamic, query

__all__ = ["resolved_affiliations", "PUBLIC_TYPES", "PRIVATE_TYPES", "EU27"]

#: OpenAlex institution types counted as public (knowledge institutions and other public bodies) and as private
#: (firms) for public-private co-publications; every other type (funder, other, unknown) counts as neither.
PUBLIC_TYPES = ("education", "government", "facility", "healthcare", "nonprofit", "archive")
PRIVATE_TYPES = ("company",)
#: EU member states since 1 February 2020 (ISO 3166-1 alpha-2)
EU27 = ("AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT", "LV", "LT", "LU",
        "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE")

_PUB = ", ".join(f"'{t}'" for t in PUBLIC_TYPES)
_PRIV = ", ".join(f"'{t}'" for t in PRIVATE_TYPES)
_EU_OTHER = "[" + ", ".join(f"'{c}'" for c in EU27 if c != "NL") + "]"
_EU_ALL = "[" + ", ".join(f"'{c}'" for c in EU27) + "]"
#: the organisation key of an OpenAlex institution: its registry key ror:<id>, else openalex:<id>
ORG_KEY_SQL = "coalesce('ror:' || ror_id, 'openalex:' || institution_id)"
SECTOR_SQL = f"CASE WHEN inst_type IN ({_PUB}) THEN 'public' WHEN inst_type IN ({_PRIV}) THEN 'private' ELSE 'other' END"


#: the PICs of a registry organisation (what makes an OpenAlex institution an ecosystem member)
_ORG_PICS = """org_pics AS (
        SELECT DISTINCT org_key, CAST(value AS BIGINT) AS pic FROM registry_identifier
        WHERE scheme = 'pic' AND org_key LIKE 'ror:%')"""


def resolved_affiliations() -> str:
    """CTEs ``aff`` (one row per work, author and organisation: work_id, author_seq, org_key, name, inst_type,
    sector, country, ror_id) and ``org_pics`` (org_key, pic): the resolution of OpenAlex institutions."""
    return f"""
    aff AS (
        SELECT work_id, author_seq, {ORG_KEY_SQL} AS org_key,
               any_value(name) AS name, any_value(inst_type) AS inst_type, any_value({SECTOR_SQL}) AS sector,
               any_value(country) AS country, any_value(ror_id) AS ror_id
        FROM openalex_affiliation GROUP BY 1, 2, 3),
    {_ORG_PICS}"""


def resolved_work_organisations() -> str:
    """CTEs ``wk`` (the distinct organisations of every work: work_id, org_key) and ``org_pics``: the same
    resolution as :func:`resolved_affiliations`, without the per-author rows (what the edges need)."""
    return f"""
    wk AS (SELECT DISTINCT work_id, {ORG_KEY_SQL} AS org_key FROM openalex_affiliation),
    {_ORG_PICS}"""


def _ecosystem_ctes() -> str:
    """``member_keys`` (the organisation keys of every ecosystem's members), fractional weights ``wa``
    (1 / authors / the author's organisations) and ``eco_works`` (works with at least one member)."""
    return resolved_affiliations() + """,
    member_keys AS (SELECT DISTINCT m.ecosystem_id, p.org_key FROM ecosystem_member m JOIN org_pics p ON p.pic = m.pic),
    na AS (SELECT work_id, count(*) AS n_auth FROM openalex_authorship GROUP BY 1),
    ni AS (SELECT work_id, author_seq, count(*) AS n_inst FROM aff GROUP BY 1, 2),
    wa AS (SELECT a.*, 1.0 / (na.n_auth * ni.n_inst) AS frac
           FROM aff a JOIN na ON na.work_id = a.work_id JOIN ni ON ni.work_id = a.work_id AND ni.author_seq = a.author_seq),
    eco_works AS (SELECT DISTINCT k.ecosystem_id, wa.work_id FROM wa JOIN member_keys k ON k.org_key = wa.org_key)"""


# #15 publications, #16 co-publications, #17 the dual-appointment proxy, per ecosystem and publication year.
PUBLICATIONS = query("publications.indicators", f"""
    WITH {_ecosystem_ctes()},
    wo AS (SELECT e.ecosystem_id, e.work_id, wa.org_key, any_value(wa.sector) AS sector, any_value(wa.country) AS country
           FROM eco_works e JOIN wa ON wa.work_id = e.work_id GROUP BY 1, 2, 3),
    mf AS (SELECT e.ecosystem_id, e.work_id, sum(wa.frac) AS frac
           FROM eco_works e JOIN wa ON wa.work_id = e.work_id
           JOIN member_keys k ON k.ecosystem_id = e.ecosystem_id AND k.org_key = wa.org_key GROUP BY 1, 2),
    wf AS (
        SELECT o.ecosystem_id, o.work_id, any_value(w.publication_year) AS year, any_value(mf.frac) AS frac,
               count(*) AS orgs,
               count(*) FILTER (WHERE o.sector = 'public') AS pub,
               count(*) FILTER (WHERE o.sector = 'private') AS priv,
               coalesce(bool_or(o.country <> 'NL'), false) AS intl,
               coalesce(bool_or(list_contains({_EU_OTHER}, o.country)), false) AS eu,
               coalesce(bool_or(o.country IS NOT NULL AND NOT list_contains({_EU_ALL}, o.country)), false) AS third
        FROM wo o JOIN openalex_work w ON w.work_id = o.work_id
        JOIN mf ON mf.ecosystem_id = o.ecosystem_id AND mf.work_id = o.work_id
        GROUP BY 1, 2),
    agg AS (
        SELECT ecosystem_id, year,
               CAST(count(*) AS DOUBLE) AS publications, sum(frac) AS publications_fractional,
               CAST(count(*) FILTER (WHERE orgs >= 2) AS DOUBLE) AS copublications,
               CAST(count(*) FILTER (WHERE pub >= 2) AS DOUBLE) AS copublications_public_public,
               CAST(count(*) FILTER (WHERE pub >= 1 AND priv >= 1) AS DOUBLE) AS copublications_public_private,
               CAST(count(*) FILTER (WHERE orgs >= 2 AND intl) AS DOUBLE) AS copublications_international,
               CAST(count(*) FILTER (WHERE orgs >= 2 AND eu) AS DOUBLE) AS copublications_eu,
               CAST(count(*) FILTER (WHERE orgs >= 2 AND third) AS DOUBLE) AS copublications_third_country
        FROM wf GROUP BY GROUPING SETS ((ecosystem_id), (ecosystem_id, year))
        HAVING NOT (GROUPING(year) = 0 AND year IS NULL)),
    dual AS (
        SELECT wa.work_id, wa.author_seq FROM wa WHERE wa.inst_type IS NOT NULL
        GROUP BY 1, 2 HAVING count(DISTINCT wa.inst_type) >= 2),
    dual_eco AS (
        SELECT DISTINCT k.ecosystem_id, w.publication_year AS year,
               coalesce(au.author_id, d.work_id || '#' || CAST(d.author_seq AS VARCHAR)) AS author
        FROM dual d JOIN wa ON wa.work_id = d.work_id AND wa.author_seq = d.author_seq
        JOIN member_keys k ON k.org_key = wa.org_key
        JOIN openalex_authorship au ON au.work_id = d.work_id AND au.author_seq = d.author_seq
        JOIN openalex_work w ON w.work_id = d.work_id),
    dual_agg AS (
        SELECT e.ecosystem_id, e.year, CAST(count(DISTINCT d.author) AS DOUBLE) AS n
        FROM (SELECT ecosystem_id, year FROM agg) e
        LEFT JOIN dual_eco d ON d.ecosystem_id = e.ecosystem_id AND (d.year = e.year OR e.year IS NULL)
        GROUP BY 1, 2)
    SELECT ecosystem_id, '15', 'publications', '', year, publications, 'works' FROM agg
    UNION ALL SELECT ecosystem_id, '15', 'publications_fractional', '', year, publications_fractional,
                     'works (fractional counting)' FROM agg
    UNION ALL SELECT ecosystem_id, '16', 'copublications', '', year, copublications, 'works' FROM agg
    UNION ALL SELECT ecosystem_id, '16', 'copublications', 'public_public', year, copublications_public_public, 'works' FROM agg
    UNION ALL SELECT ecosystem_id, '16', 'copublications', 'public_private', year, copublications_public_private, 'works' FROM agg
    UNION ALL SELECT ecosystem_id, '16', 'copublication_share', 'international', year,
                     CASE WHEN copublications > 0 THEN copublications_international / copublications END, 'share' FROM agg
    UNION ALL SELECT ecosystem_id, '16', 'copublication_share', 'eu', year,
                     CASE WHEN copublications > 0 THEN copublications_eu / copublications END, 'share' FROM agg
    UNION ALL SELECT ecosystem_id, '16', 'copublication_share', 'third_country', year,
                     CASE WHEN copublications > 0 THEN copublications_third_country / copublications END, 'share' FROM agg
    UNION ALL SELECT ecosystem_id, '17', 'dual_appointment_proxy', '', year, n, 'authors (proxy)' FROM dual_agg""")


# -- the co-publication network of every analysed ecosystem -------------------------------------------------------
CLEAR = tuple(query(f"publications.clear_{t}", f"DELETE FROM {t}", engines=DUCKDB_ONLY)
              for t in ("copub_edge", "copub_node", "copub_metric"))

#: Links between organisations sharing works of the ecosystem, at least one end a member. works = full
#: counting; fractional = each work with n organisations adds 1/(n-1) to each of its pairs; association strength
#: (van Eck & Waltman 2009) = c_ij * 2m / (s_i * s_j) with s_i the total link weight (works) of i and 2m the sum
#: of all s_i: observed over expected links, 1 = as many joint works as the totals lead one to expect.
EDGES = query("publications.edges", f"""
    WITH {resolved_work_organisations()},
    ok AS (SELECT org_key, CAST(row_number() OVER (ORDER BY org_key) AS INTEGER) AS o
           FROM (SELECT DISTINCT org_key FROM wk)),
    mk AS (SELECT DISTINCT m.ecosystem_id, ok.o
           FROM ecosystem_member m JOIN org_pics p ON p.pic = m.pic JOIN ok ON ok.org_key = p.org_key),
    wi AS (SELECT wk.work_id, ok.o FROM wk JOIN ok ON ok.org_key = wk.org_key),
    ew AS (SELECT DISTINCT mk.ecosystem_id, wi.work_id FROM wi JOIN mk ON mk.o = wi.o),
    wn AS (SELECT ecosystem_id, work_id, row_number() OVER (ORDER BY ecosystem_id, work_id) AS w FROM ew),
    wo AS (SELECT wn.ecosystem_id, wn.w, wi.o, mk.o IS NOT NULL AS member,
                  count(*) OVER (PARTITION BY wn.ecosystem_id, wn.w) AS n
           FROM wn JOIN wi ON wi.work_id = wn.work_id
           LEFT JOIN mk ON mk.ecosystem_id = wn.ecosystem_id AND mk.o = wi.o),
    pairs AS (
        SELECT a.ecosystem_id, a.o AS s, b.o AS t, count(*) AS works, sum(1.0 / (a.n - 1)) AS fractional
        FROM wo a JOIN wo b ON a.ecosystem_id = b.ecosystem_id AND a.w = b.w AND a.o < b.o
        WHERE a.member OR b.member
        GROUP BY 1, 2, 3),
    st AS (SELECT ecosystem_id, k, sum(works) AS s FROM (
               SELECT ecosystem_id, s AS k, works FROM pairs UNION ALL SELECT ecosystem_id, t, works FROM pairs)
           GROUP BY 1, 2),
    tot AS (SELECT ecosystem_id, sum(s) AS two_m FROM st GROUP BY 1)
    SELECT p.ecosystem_id, k1.org_key, k2.org_key, CAST(p.works AS INTEGER), p.fractional,
           p.works * t.two_m / (s1.s * s2.s)
    FROM pairs p JOIN st s1 ON s1.ecosystem_id = p.ecosystem_id AND s1.k = p.s
    JOIN st s2 ON s2.ecosystem_id = p.ecosystem_id AND s2.k = p.t
    JOIN tot t ON t.ecosystem_id = p.ecosystem_id
    JOIN ok k1 ON k1.o = p.s JOIN ok k2 ON k2.o = p.t""")

INSERT_EDGES = query("publications.insert_edges", f"INSERT INTO copub_edge {EDGES.sql}", engines=DUCKDB_ONLY)

#: every organisation on an ecosystem's works (members and partners) with its works, full and fractional
NODES = query("publications.nodes", f"""
    WITH {_ecosystem_ctes()},
    per AS (SELECT e.ecosystem_id, wa.org_key, count(DISTINCT wa.work_id) AS works, sum(wa.frac) AS frac,
                   any_value(wa.name) AS name, any_value(wa.inst_type) AS inst_type, any_value(wa.sector) AS sector,
                   any_value(wa.country) AS country
            FROM eco_works e JOIN wa ON wa.work_id = e.work_id GROUP BY 1, 2)
    SELECT p.ecosystem_id, p.org_key, coalesce(r.name, p.name, p.org_key) AS label, p.inst_type, p.sector, p.country,
           k.org_key IS NOT NULL AS member, CAST(p.works AS INTEGER) AS works, p.frac AS works_fractional
    FROM per p LEFT JOIN member_keys k ON k.ecosystem_id = p.ecosystem_id AND k.org_key = p.org_key
    LEFT JOIN registry_org r ON r.org_key = p.org_key
    ORDER BY p.ecosystem_id, p.org_key""")

EDGE_LIST = query("publications.edge_list", """
    SELECT ecosystem_id, source, target, works, fractional, association_strength FROM copub_edge
    ORDER BY ecosystem_id, source, target""")

HAS_WORKS = query("publications.has_works", "SELECT count(*) FROM openalex_work")

NETWORK_METRICS = query("publications.network_metrics", """
    SELECT metric, value, detail FROM copub_metric WHERE ecosystem_id = ? ORDER BY metric""")

NETWORK_NODES = query("publications.network_nodes", """
    SELECT org_key, label, inst_type, sector, country, member, works, works_fractional, degree, strength, community
    FROM copub_node WHERE ecosystem_id = ? ORDER BY works DESC, org_key""")

NETWORK_EDGES = query("publications.network_edges", """
    SELECT source, target, works, fractional, association_strength FROM copub_edge WHERE ecosystem_id = ?
    ORDER BY works DESC, source, target""")

#: partners outside the ecosystem by the works they share with its members, at home (NL) and abroad
TOP_PARTNERS = query("publications.top_partners", """
    WITH e AS (SELECT source AS a, target AS b, works, fractional, association_strength FROM copub_edge WHERE ecosystem_id = ?
               UNION ALL
               SELECT target, source, works, fractional, association_strength FROM copub_edge WHERE ecosystem_id = ?),
    nd AS (SELECT * FROM copub_node WHERE ecosystem_id = ?)
    SELECT p.org_key, p.label, p.inst_type, p.sector, p.country, CASE WHEN p.country = 'NL' THEN 'home' ELSE 'abroad' END AS side,
           sum(e.works) AS joint_works, sum(e.fractional) AS joint_fractional, count(*) AS member_partners
    FROM e JOIN nd m ON m.org_key = e.a AND m.member JOIN nd p ON p.org_key = e.b AND NOT p.member
    GROUP BY 1, 2, 3, 4, 5, 6
    ORDER BY side DESC, joint_works DESC, p.label LIMIT ?""")

SERIES = query("publications.series", """
    SELECT indicator, measure, breakdown, year, value, unit, source, method FROM indicator_value
    WHERE ecosystem_id = ? AND indicator IN ('15', '16', '17') ORDER BY indicator, measure, breakdown, year NULLS FIRST""")

COVERAGE = query("publications.coverage", """
    SELECT count(*) AS works, min(publication_year) AS first_year, max(publication_year) AS last_year,
           count(DISTINCT batch_id) AS batches FROM openalex_work""")

PROVENANCE = query("publications.provenance", """
    SELECT file, rows, imported_at, licence, attribution FROM import_batch WHERE source = 'openalex' ORDER BY batch_id""")


@builder("publications.organisation", (999977366,))
def organisation(pic: int):
    """One organisation's works per publication year: full and fractional counting (its registry keys' works)."""
    return dynamic("publications.organisation", f"""
        WITH {resolved_affiliations()},
        keys AS (SELECT org_key FROM org_pics WHERE pic = ?),
        na AS (SELECT work_id, count(*) AS n_auth FROM openalex_authorship GROUP BY 1),
        ni AS (SELECT work_id, author_seq, count(*) AS n_inst FROM aff GROUP BY 1, 2),
        mine AS (SELECT a.work_id, sum(1.0 / (na.n_auth * ni.n_inst)) AS frac FROM aff a
                 JOIN keys k ON k.org_key = a.org_key JOIN na ON na.work_id = a.work_id
                 JOIN ni ON ni.work_id = a.work_id AND ni.author_seq = a.author_seq GROUP BY 1)
        SELECT w.publication_year AS year, count(*) AS works, sum(m.frac) AS works_fractional,
               count(*) FILTER (WHERE w.is_oa) AS open_access
        FROM mine m JOIN openalex_work w ON w.work_id = m.work_id GROUP BY 1 ORDER BY 1 NULLS LAST""", [pic])


@builder("publications.organisation_partners", (999977366, 10))
def organisation_partners(pic: int, limit: int):
    """The organisations one organisation shares the most works with."""
    return dynamic("publications.organisation_partners", f"""
        WITH {resolved_affiliations()},
        keys AS (SELECT org_key FROM org_pics WHERE pic = ?),
        mine AS (SELECT DISTINCT a.work_id FROM aff a JOIN keys k ON k.org_key = a.org_key)
        SELECT a.org_key, any_value(coalesce(r.name, a.name)) AS label, any_value(a.inst_type) AS inst_type,
               any_value(a.country) AS country, count(DISTINCT a.work_id) AS joint_works
        FROM aff a JOIN mine m ON m.work_id = a.work_id LEFT JOIN registry_org r ON r.org_key = a.org_key
        WHERE a.org_key NOT IN (SELECT org_key FROM keys)
        GROUP BY 1 ORDER BY joint_works DESC, label LIMIT ?""", [pic, limit])


# -- the heterogeneous network: every link type in one graph ----------------------------------------------------
#: the registry key of every PIC (``ror:<id>`` when ROR knows it, else ``pic:<pic>``), for the joint-project links
PROJECT_LINKS = query("publications.project_links", """
    WITH k AS (SELECT CAST(value AS BIGINT) AS pic, min(org_key) AS org_key FROM registry_identifier
               WHERE scheme = 'pic' GROUP BY 1)
    SELECT coalesce(ks.org_key, 'pic:' || CAST(e.source AS VARCHAR)) AS source,
           coalesce(kt.org_key, 'pic:' || CAST(e.target AS VARCHAR)) AS target,
           CAST(e.projects AS DOUBLE) AS weight, e.fractional
    FROM network_edge e LEFT JOIN k ks ON ks.pic = e.source LEFT JOIN k kt ON kt.pic = e.target
    WHERE e.ecosystem_id = ?""")

#: the nodes of the joint-project network with their registry key and attributes
PROJECT_NODES = query("publications.project_nodes", """
    WITH k AS (SELECT CAST(value AS BIGINT) AS pic, min(org_key) AS org_key FROM registry_identifier
               WHERE scheme = 'pic' GROUP BY 1)
    SELECT coalesce(k.org_key, 'pic:' || CAST(n.pic AS VARCHAR)) AS org_key, any_value(o.label) AS label,
           any_value(o.activity_type) AS activity_type, any_value(o.country) AS country, min(n.pic) AS pic,
           bool_or(m.pic IS NOT NULL) AS member
    FROM network_node n JOIN organisation o ON o.pic = n.pic LEFT JOIN k ON k.pic = n.pic
    LEFT JOIN ecosystem_member m ON m.ecosystem_id = n.ecosystem_id AND m.pic = n.pic
    WHERE n.ecosystem_id = ? GROUP BY 1""")

#: the user's own relations (user_relation), each end resolved to a registry key: 'pic:<n>' and the PIC of a
#: user actor through the registry, 'ror:<id>' as it is, else the user's actor ('actor:<id>')
USER_LINKS = query("publications.user_links", """
    WITH k AS (SELECT CAST(value AS BIGINT) AS pic, min(org_key) AS org_key FROM registry_identifier
               WHERE scheme = 'pic' GROUP BY 1),
    ref AS (
        SELECT r.ref,
               CASE WHEN r.ref LIKE 'pic:%' THEN coalesce(kp.org_key, r.ref)
                    WHEN r.ref LIKE 'ror:%' THEN r.ref
                    WHEN a.pic IS NOT NULL THEN coalesce(ka.org_key, 'pic:' || CAST(a.pic AS VARCHAR))
                    WHEN a.ror_id IS NOT NULL THEN 'ror:' || a.ror_id
                    ELSE 'actor:' || r.ref END AS org_key,
               a.name
        FROM (SELECT source_ref AS ref FROM user_relation UNION SELECT target_ref FROM user_relation) r
        LEFT JOIN k kp ON r.ref LIKE 'pic:%' AND kp.pic = TRY_CAST(substr(r.ref, 5) AS BIGINT)
        LEFT JOIN (SELECT * FROM user_actor QUALIFY row_number() OVER (PARTITION BY actor_id ORDER BY batch_id DESC) = 1) a
               ON a.actor_id = r.ref
        LEFT JOIN k ka ON ka.pic = a.pic)
    SELECT s.org_key AS source, t.org_key AS target, u.relation_type, coalesce(u.weight, 1.0) AS weight,
           s.name AS source_name, t.name AS target_name
    FROM user_relation u JOIN ref s ON s.ref = u.source_ref JOIN ref t ON t.ref = u.target_ref
    WHERE s.org_key <> t.org_key""")

#: labels of registry keys (for nodes only the user's relations name)
REGISTRY_LABELS = query("publications.registry_labels", """
    SELECT org_key, name, org_type, country FROM registry_org WHERE org_key IN (SELECT unnest(CAST(? AS VARCHAR[])))""")


CLEAR_INDICATORS = query("publications.clear_indicators",
                         "DELETE FROM indicator_value WHERE indicator IN ('15', '16', '17')", engines=DUCKDB_ONLY)


@builder("publications.insert_indicators", ())
def insert_indicators(stored=None):
    """Store the #15-#17 values (a :func:`innovatlas.store.queries.indicators.stored` statement)."""
    if stored is None:
        from innovatlas.store.queries.indicators import stored as _stored

        stored = _stored(PUBLICATIONS, "provenance", "method")
    return dynamic("publications.insert_indicators", f"INSERT INTO indicator_value {stored.sql}", stored.params,
                   engines=DUCKDB_ONLY)

