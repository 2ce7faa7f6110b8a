"""Queries behind innovatlas.diagnose: the open-data measures, targets, qualitative entries and series
the rules judge, the parent's funding for the size-adjusted references, and the stored findings
(with the disclosure rule they were judged under).
"""

from __future__ import annotations

from innovatlas.store.relational import DUCKDB_ONLY, query

# -- evidence ------------------------------------------------------------------------------------------------------
OPEN_MEASURES = query("diagnose.open_measures",
                      "SELECT measure, breakdown, value FROM indicator_value WHERE ecosystem_id = ? AND year IS NULL")
ALL_OPEN_MEASURES = query("diagnose.all_open_measures",
                          "SELECT ecosystem_id, measure, breakdown, value FROM indicator_value WHERE year IS NULL")
ORGANISATIONS_SOURCE = query("diagnose.organisations_source",
                             "SELECT any_value(source) FROM indicator_value WHERE ecosystem_id = ? AND indicator = '29'")
#: the ecosystem's current targets: totals, and #18 inside the ecosystem too
TARGETS = query("diagnose.targets", """SELECT * FROM target WHERE ecosystem_id = ? AND superseded_at IS NULL
           AND (breakdown = '' OR (indicator = '18' AND breakdown = 'internal'))""")
QUALITATIVE_COUNTS = query("diagnose.qualitative_counts", """SELECT indicator, count(*) FROM qualitative_entry
                                           WHERE ecosystem_id = ? AND superseded_at IS NULL GROUP BY 1""")
OPEN_SERIES = query("diagnose.open_series", """SELECT year, value FROM indicator_value WHERE ecosystem_id = ? AND indicator = ?
                   AND measure = ? AND breakdown = ? AND year IS NOT NULL ORDER BY year""")
ECOSYSTEMS = query("diagnose.ecosystems", "SELECT * FROM ecosystem ORDER BY position")
#: EU funding per organisation of the parent ecosystem (the population random groups are drawn from)
PARENT_FUNDING = query("diagnose.parent_funding", """SELECT coalesce(sum(ec_contribution), 0) FROM scope WHERE ecosystem_id = ? GROUP BY pic ORDER BY pic""")
YEARLY_PUBLIC_CIVIL_SHARE = query("diagnose.yearly_public_civil_share", """SELECT year, sum(value) FILTER (WHERE breakdown IN ('activity:PUB', 'activity:OTH'))
                                / nullif(sum(value) FILTER (WHERE breakdown = ''), 0)
                          FROM indicator_value WHERE ecosystem_id = ? AND measure = 'participations'
                          AND year IS NOT NULL GROUP BY 1 ORDER BY 1""")
YEARLY_MEASURE = query("diagnose.yearly_measure", """SELECT year, value FROM indicator_value WHERE ecosystem_id = ? AND measure = ?
                          AND breakdown = '' AND year IS NOT NULL ORDER BY 1""")

# -- stored findings -----------------------------------------------------------------------------------------------
DELETE_FINDINGS = query("diagnose.delete_findings", "DELETE FROM finding", engines=DUCKDB_ONLY)
ECOSYSTEM_IDS = query("diagnose.ecosystem_ids", "SELECT ecosystem_id FROM ecosystem ORDER BY position")
#: the findings as column lists (one list parameter per column)
INSERT_FINDINGS = query("diagnose.insert_findings", """INSERT INTO finding SELECT unnest(CAST(? AS VARCHAR[])), unnest(CAST(? AS VARCHAR[])),
                      unnest(CAST(? AS VARCHAR[])), unnest(CAST(? AS VARCHAR[])), unnest(CAST(? AS DOUBLE[])),
                      unnest(CAST(? AS JSON[])), unnest(CAST(? AS VARCHAR[])), unnest(CAST(? AS VARCHAR[])),
                      now()::TIMESTAMP""", engines=DUCKDB_ONLY)
RECORD_RULE = query("diagnose.record_rule", "INSERT OR REPLACE INTO meta VALUES ('diagnosis_disclosure', ?)",
                    engines=DUCKDB_ONLY)
STORED_RULE = query("diagnose.stored_rule", "SELECT value FROM meta WHERE key = 'diagnosis_disclosure'")
FINDINGS = query("diagnose.findings", """SELECT code, kind, verdict, score, evidence, explanation_en, explanation_nl FROM finding
                           WHERE ecosystem_id = ? ORDER BY kind, CASE WHEN code LIKE 'challenge-%'
                           THEN lpad(split_part(code, '-', 2), 2, '0') ELSE code END""")
