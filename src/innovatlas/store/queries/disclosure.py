"""Queries behind innovatlas.disclosure: the disclosure rule's settings and the one read of every
imported value (with its contributor set) that disclosure control judges. Security-critical: these
statements are moved verbatim; change them only together with tests/test_disclosure_attacks.py.
"""

from __future__ import annotations

from innovatlas.store.relational import DUCKDB_ONLY, query

# -- settings (the workspace meta table) ---------------------------------------------------------------------------
RULE_SETTINGS = query("disclosure.rule_settings", "SELECT key, value FROM meta WHERE key LIKE 'disclosure_%'")
SET_MIN_UNITS = query("disclosure.set_min_units", "INSERT OR REPLACE INTO meta VALUES ('disclosure_min_units', ?)",
                      engines=DUCKDB_ONLY)
SET_MAX_DOMINANCE = query("disclosure.set_max_dominance",
                          "INSERT OR REPLACE INTO meta VALUES ('disclosure_max_dominance', ?)", engines=DUCKDB_ONLY)
SET_DOMINANCE = query("disclosure.set_dominance", "INSERT OR REPLACE INTO meta VALUES ('disclosure_dominance', ?)",
                      engines=DUCKDB_ONLY)
FINDING_COUNT = query("disclosure.finding_count", "SELECT count(*) FROM finding")

# -- the one reader ------------------------------------------------------------------------------------------------
#: every imported value ever stored, with its batch (the workspace states it was current in follow from it)
JUDGED_INPUTS = query("disclosure.judged_inputs", """
        SELECT i.input_id, i.ecosystem_id, i.indicator, i.breakdown, i.year, i.value, i.unit, i.region, i.source, i.kind,
               i.confidential, i.units, i.largest_share, i.top2_share, i.top3_share, i.contributor_set, i.entered_by,
               i.batch_id, b.imported_at, b.file, i.superseded_at, i.superseded_by
        FROM indicator_input i JOIN import_batch b USING (batch_id)
        ORDER BY i.ecosystem_id, i.indicator, i.year, i.breakdown, i.input_id""")
#: the contributors of every contributor set a confidential value uses
CONTRIBUTOR_SETS = query("disclosure.contributor_sets",
                         """SELECT set_id, list(contributor) FROM contributor
           WHERE set_id IN (SELECT contributor_set FROM indicator_input WHERE confidential) GROUP BY set_id""")
