"""Queries behind the analysis service functions (:mod:`innovatlas.analysis`): ecosystems, summaries,
overlaps, placement and coverage."""

from __future__ import annotations

from innovatlas.store.relational import DUCKDB_ONLY, Bound, builder, dynamic, query

#: org_location.method with the unrecognised city names folded into one rule
_METHOD_GROUP = ("CASE WHEN l.method LIKE 'unplaced: city not recognised%' THEN 'unplaced: city not recognised' "
                 "ELSE l.method END")

HAS_PARTICIPATIONS = query("analysis.has_participations", "SELECT count(*) FROM participation")
HAS_STORED_UNIT = query("analysis.has_stored_unit", "SELECT count(*) FROM meta WHERE key = 'analysis_unit'")

ECOSYSTEMS = query("analysis.ecosystems", """
    SELECT e.*, (SELECT count(*) FROM ecosystem_member m WHERE m.ecosystem_id = e.ecosystem_id) AS members
    FROM ecosystem e ORDER BY position""")

ECOSYSTEM = query("analysis.ecosystem", """
    SELECT * FROM ecosystem WHERE ecosystem_id = ?""")

TOTALS = query("analysis.totals", """
    SELECT measure, breakdown, value FROM indicator_value WHERE ecosystem_id = ? AND year IS NULL""")

NETWORK_METRICS = query("analysis.network_metrics", """
    SELECT metric, value, detail FROM network_metric WHERE ecosystem_id = ?""")

HEADLINES = query("analysis.headlines", """
    SELECT e.ecosystem_id, e.name_en, e.name_nl, e.kind, e.parent,
           max(v.value) FILTER (WHERE v.measure = 'organisations') AS organisations,
           max(v.value) FILTER (WHERE v.measure = 'participations') AS participations,
           max(v.value) FILTER (WHERE v.measure = 'projects') AS projects,
           max(v.value) FILTER (WHERE v.measure = 'ec_contribution_eur') AS ec_contribution_eur,
           max(v.value) FILTER (WHERE v.measure = 'coordinator_roles') AS coordinator_roles,
           max(v.value) FILTER (WHERE v.measure = 'collaboration_relations' AND v.breakdown = 'internal')
               AS internal_organisation_pairs
    FROM ecosystem e LEFT JOIN indicator_value v
         ON v.ecosystem_id = e.ecosystem_id AND v.year IS NULL AND v.breakdown IN ('', 'internal')
    GROUP BY e.ecosystem_id, e.name_en, e.name_nl, e.kind, e.parent, e.position ORDER BY e.position""")

OVERLAPS = query("analysis.overlaps", """
    WITH sizes AS (SELECT ecosystem_id, count(*) AS n FROM ecosystem_member GROUP BY 1),
         shared AS (SELECT a.ecosystem_id AS a, b.ecosystem_id AS b, count(*) AS shared
                    FROM ecosystem_member a JOIN ecosystem_member b ON a.pic = b.pic AND a.ecosystem_id < b.ecosystem_id
                    GROUP BY 1, 2)
    SELECT s.a, s.b, s.shared, sa.n AS members_a, sb.n AS members_b,
           s.shared / (sa.n + sb.n - s.shared) AS jaccard
    FROM shared s JOIN sizes sa ON sa.ecosystem_id = s.a JOIN sizes sb ON sb.ecosystem_id = s.b
    WHERE ? IS NULL OR s.a = ? OR s.b = ?
    ORDER BY jaccard DESC, s.a, s.b""")

PLACEMENT = query("analysis.placement", f"""
    SELECT {_METHOD_GROUP} AS method, count(*) AS organisations, sum(o.participations) AS participations
    FROM org_location l JOIN organisation o USING (pic) WHERE o.participations > 0
    GROUP BY 1 ORDER BY 2 DESC, 1""")

UNNAMED = query("analysis.unnamed", """
    SELECT count(*) FROM organisation WHERE country = 'NL' AND participations > 0 AND name IS NULL""")

UNPLACED_CITIES = query("analysis.unplaced_cities", """
    SELECT o.city, count(*) AS organisations FROM org_location l JOIN organisation o USING (pic)
    WHERE o.participations > 0 AND l.method LIKE 'unplaced: city%' GROUP BY 1 ORDER BY 2 DESC, 1""")

PROJECTS_PER_YEAR = query("analysis.projects_per_year", """
    SELECT pr.start_year, count(DISTINCT pr.project_key) FROM participation p
                            JOIN project pr USING (project_key) WHERE p.batch_id = ? AND pr.start_year IS NOT NULL
                            GROUP BY 1 ORDER BY 1""")

BATCHES = query("analysis.batches", """
    SELECT batch_id, source, dataset, file, rows, imported_at FROM import_batch ORDER BY batch_id""")

BATCH_YEARS = query("analysis.batch_years", """
    SELECT min(pr.start_year), max(pr.start_year) FROM participation p
                                    JOIN project pr USING (project_key) WHERE p.batch_id = ?""")

STATISTIC_YEARS = query("analysis.statistic_years", """
    SELECT min(year), max(year) FROM regional_statistic WHERE batch_id = ?""")

CLEAR_COVERAGE = query("analysis.clear_coverage", """
    DELETE FROM meta WHERE key = 'coverage'""", engines=DUCKDB_ONLY)

STORE_COVERAGE = query("analysis.store_coverage", """
    INSERT INTO meta VALUES ('coverage', ?)""", engines=DUCKDB_ONLY)

STORED_COVERAGE = query("analysis.stored_coverage", """
    SELECT value FROM meta WHERE key = 'coverage'""")

BATCH_IDS = query("analysis.batch_ids", """
    SELECT batch_id FROM import_batch""")


@builder("analysis.left_out", ("municipality_code",), ("province_code",))
def left_out(level: str) -> Bound:
    """Dutch participating organisations not placed at ``level`` (an org_location column), by reason."""
    if level not in ("municipality_code", "corop_code", "province_code"):
        raise ValueError(f"unknown placement level {level}")
    return dynamic("analysis.left_out", f"""
        SELECT {_METHOD_GROUP} AS reason, count(*) AS organisations, sum(o.participations) AS participations
        FROM org_location l JOIN organisation o USING (pic)
        WHERE o.participations > 0 AND l.{level} IS NULL GROUP BY 1 ORDER BY 2 DESC, 1""")
