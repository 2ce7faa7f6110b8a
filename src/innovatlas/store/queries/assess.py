"""Queries behind innovatlas.assess: the decision tools' evidence over the participation table
(organisations and their partners, strategic partnerships, collaboration portfolios, valorisation
profiles, the proposal section) and the stored, versioned assessments.
"""

from __future__ import annotations

from innovatlas.store.relational import DUCKDB_ONLY, builder, dynamic, query

#: CORDIS activity type and SME flag -> portfolio partner type (see innovatlas.assess.portfolio.partner_type)
PARTNER_TYPE_SQL = """CASE o.activity_type WHEN 'HES' THEN 'university' WHEN 'REC' THEN 'research_organisation'
    WHEN 'PRC' THEN (CASE WHEN o.sme THEN 'sme' WHEN NOT o.sme THEN 'large_firm' ELSE 'firm_unknown_size' END)
    WHEN 'PUB' THEN 'public_body' ELSE 'other' END"""

# -- shared evidence (assess._data) --------------------------------------------------------------------------------
ORGANISATION = query("assess.organisation", """SELECT o.*, l.municipality, l.province_code, l.province FROM organisation o
                       LEFT JOIN org_location l USING (pic) WHERE o.pic = ?""")
#: one row per distinct partner of the organisations ``?`` (a list), with joint projects before / from a year
PARTNERS_BY_PIC = query("assess.partners_by_pic", f"""
        SELECT q.pic, any_value(o.label) AS label, any_value(o.activity_type) AS activity_type, any_value(o.sme) AS sme,
               any_value({PARTNER_TYPE_SQL}) AS type, any_value(q.country) AS country,
               count(DISTINCT q.project_key) AS projects, min(pr.start_year) AS first_year, max(pr.start_year) AS last_year,
               bool_or(pr.start_year < ?) AS before, bool_or(pr.start_year >= ?) AS during
        FROM participation p JOIN participation q ON q.project_key = p.project_key AND q.pic <> p.pic
        JOIN project pr ON pr.project_key = p.project_key JOIN organisation o ON o.pic = q.pic
        WHERE p.pic IN (SELECT unnest(CAST(? AS BIGINT[]))) AND q.pic NOT IN (SELECT unnest(CAST(? AS BIGINT[])))
        GROUP BY q.pic ORDER BY projects DESC, q.pic""")

# -- strategic partnership -----------------------------------------------------------------------------------------
INSTITUTION_PROJECTS = query("assess.institution_projects", """SELECT count(DISTINCT project_key) FROM participation
                                 WHERE pic IN (SELECT unnest(CAST(? AS BIGINT[])))""")
JOINT_PROJECTS_BY_YEAR = query("assess.joint_projects_by_year", """
        SELECT pr.start_year, count(DISTINCT a.project_key) AS projects, coalesce(sum(b.ec_contribution), 0) AS firm_ec
        FROM participation a JOIN participation b ON a.project_key = b.project_key
        JOIN project pr ON pr.project_key = a.project_key
        WHERE a.pic IN (SELECT unnest(CAST(? AS BIGINT[]))) AND b.pic IN (SELECT unnest(CAST(? AS BIGINT[])))
        GROUP BY 1 ORDER BY 1""")
INSTITUTION_PROJECTS_EC = query("assess.institution_projects_ec", """SELECT coalesce(sum(q.ec_contribution), 0) FROM participation q WHERE q.project_key IN
                            (SELECT project_key FROM participation WHERE pic IN (SELECT unnest(CAST(? AS BIGINT[]))))""")
NETWORK_NODES = query("assess.network_nodes", """SELECT n.pic, n.degree, n.betweenness, o.label FROM network_node n JOIN organisation o USING (pic)
                      WHERE n.ecosystem_id = ? AND n.pic IN (SELECT unnest(CAST(? AS BIGINT[])))""")
PAIR_EDGE = query("assess.pair_edge", """SELECT sum(projects) FROM network_edge WHERE ecosystem_id = ? AND
                             ((source IN (SELECT unnest(CAST(? AS BIGINT[]))) AND target IN (SELECT unnest(CAST(? AS BIGINT[]))))
                              OR (target IN (SELECT unnest(CAST(? AS BIGINT[]))) AND source IN (SELECT unnest(CAST(? AS BIGINT[])))))""")

# -- collaboration portfolio ---------------------------------------------------------------------------------------
TYPE_COUNTS = query("assess.type_counts", """SELECT type, count(*) FROM (SELECT unnest(CAST(? AS VARCHAR[])) AS type)
                                               GROUP BY 1""")
#: repeat vs new partners by start year: a partner is new in the year of its first joint project
PARTNERS_BY_YEAR = query("assess.partners_by_year", """
        WITH py AS (SELECT DISTINCT q.pic, pr.start_year AS year
                    FROM participation p JOIN participation q ON q.project_key = p.project_key AND q.pic <> p.pic
                    JOIN project pr ON pr.project_key = p.project_key WHERE p.pic = ? AND pr.start_year IS NOT NULL),
             first AS (SELECT pic, min(year) AS first_year FROM py GROUP BY 1)
        SELECT year, count(*) AS partners, count(*) FILTER (WHERE year = first_year) AS new,
               count(*) FILTER (WHERE year > first_year) AS repeat
        FROM py JOIN first USING (pic) GROUP BY year ORDER BY year""")
PORTFOLIO_PEERS = query("assess.portfolio_peers", """
        WITH pp AS (
            SELECT p.pic AS org, q.pic AS partner, any_value(o.activity_type) AS t
            FROM participation p JOIN participation q ON q.project_key = p.project_key AND q.pic <> p.pic
            JOIN organisation o ON o.pic = q.pic JOIN organisation me ON me.pic = p.pic
            WHERE me.activity_type = ? AND me.country = ? AND me.participations >= 3 GROUP BY 1, 2),
        typed AS (SELECT org, t, count(*) AS n FROM pp GROUP BY 1, 2)
        SELECT org, sum(n) AS partners, 1 - sum(n * n) / (sum(n) * sum(n)) AS blau FROM typed GROUP BY org""")


# -- valorisation profile ------------------------------------------------------------------------------------------
@builder("assess.profile_scores", (False, None, 20), (True, [999999999], 20))
def profile_scores(by_year: bool, pics: list[int] | None, min_participations: int):
    """Push/exchange/serve shares per institution (all Dutch HES with ``min_participations``, or ``pics``),
    per project start year with ``by_year``."""
    year = ", pr.start_year AS year" if by_year else ""
    return dynamic("assess.profile_scores", f"""
        WITH inst AS (
            SELECT o.pic, l.province_code FROM organisation o LEFT JOIN org_location l USING (pic)
            WHERE (CAST(? AS BIGINT[]) IS NULL AND o.activity_type = 'HES' AND o.country = 'NL' AND o.participations >= ?)
               OR o.pic IN (SELECT unnest(coalesce(CAST(? AS BIGINT[]), [])))),
        pp AS (
            SELECT DISTINCT i.pic AS inst, i.province_code AS home, q.pic AS partner, o.activity_type AS t, q.country,
                   l.province_code AS prov {year}
            FROM inst i JOIN participation p ON p.pic = i.pic
            JOIN participation q ON q.project_key = p.project_key AND q.pic <> p.pic
            JOIN project pr ON pr.project_key = p.project_key
            JOIN organisation o ON o.pic = q.pic LEFT JOIN org_location l ON l.pic = q.pic),
        typed AS (SELECT inst {', year' if by_year else ''}, t, count(*) AS n FROM pp GROUP BY ALL),
        div AS (SELECT inst {', year' if by_year else ''}, (1 - sum(n * n) / (sum(n) * sum(n))) / (1 - 1 / 5.0) AS diversity
                FROM typed GROUP BY ALL)
        SELECT pp.inst AS pic {', pp.year' if by_year else ''}, count(*) AS partners,
               avg(CASE WHEN t = 'PRC' THEN 1 ELSE 0 END) AS firm_share,
               avg(CASE WHEN t IN ('PUB', 'OTH') THEN 1 ELSE 0 END) AS societal_share,
               avg(CASE WHEN country = 'NL' AND prov = home THEN 1 ELSE 0 END) AS regional_share,
               count(*) FILTER (WHERE country = 'NL' AND prov IS NULL) AS unplaced_dutch_partners,
               any_value(div.diversity) AS diversity
        FROM pp JOIN div ON div.inst = pp.inst {'AND div.year IS NOT DISTINCT FROM pp.year' if by_year else ''}
        GROUP BY pp.inst {', pp.year' if by_year else ''} ORDER BY 1 {', 2' if by_year else ''}""",
                   [pics, min_participations, pics])


# -- proposal section ----------------------------------------------------------------------------------------------
NETWORK_NODE = query("assess.network_node", """SELECT degree, betweenness, community FROM network_node WHERE ecosystem_id = ? AND pic = ?""")
IS_MEMBER = query("assess.is_member", "SELECT count(*) FROM ecosystem_member WHERE ecosystem_id = ? AND pic = ?")
BROKERS = query("assess.brokers", """SELECT o.label, n.betweenness FROM network_node n JOIN organisation o USING (pic)
                          WHERE n.ecosystem_id = ? ORDER BY n.betweenness DESC, n.pic LIMIT 5""")
ECOSYSTEM_NAMES = query("assess.ecosystem_names", "SELECT ecosystem_id, name_en, name_nl FROM ecosystem")

# -- stored assessments --------------------------------------------------------------------------------------------
LATEST_VERSION = query("assess.latest_version",
                       "SELECT version, input_sha, kind FROM assessment WHERE name = ? ORDER BY version DESC LIMIT 1")
INSERT_ASSESSMENT = query("assess.insert_assessment", "INSERT INTO assessment VALUES (?, ?, ?, ?, ?, ?, ?, now()::TIMESTAMP)",
                          engines=DUCKDB_ONLY)
LOAD_ASSESSMENT = query("assess.load_assessment", """SELECT * FROM assessment WHERE name = ? AND (? IS NULL OR version = ?)
                       ORDER BY version DESC LIMIT 1""")
LIST_ASSESSMENTS = query("assess.list_assessments", """SELECT name, kind, max(version) AS versions, max(created_at)::VARCHAR AS last_changed
                       FROM assessment GROUP BY name, kind ORDER BY name""")
