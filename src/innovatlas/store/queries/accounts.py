"""Queries behind monitoring together (issue 12): accounts and roles (:mod:`innovatlas.accounts`), edits made
in the browser with their log and undo (:mod:`innovatlas.editing`), snapshots of a monitoring cycle,
comparisons and change alerts (:mod:`innovatlas.cycles`) and the learning community (:mod:`innovatlas.community`)."""

from __future__ import annotations

from innovatlas.store.relational import DUCKDB_ONLY, builder, dynamic, query

# -- accounts --------------------------------------------------------------------------------------------------------
HAS_USER_TABLE = query("accounts.has_user_table", """
    SELECT count(*) FROM information_schema.tables WHERE table_name = 'app_user'""")
USER_COUNT = query("accounts.user_count", "SELECT count(*) FROM app_user")
USER_GET = query("accounts.user_get", "SELECT username, password_hash, epoch FROM app_user WHERE username = ?")
USER_INSERT = query("accounts.user_insert", "INSERT INTO app_user VALUES (?, ?, 1, now()::TIMESTAMP)", engines=DUCKDB_ONLY)
USER_SET_PASSWORD = query("accounts.user_set_password", """
    UPDATE app_user SET password_hash = ?, epoch = epoch + 1 WHERE username = ?""", engines=DUCKDB_ONLY)
USER_DELETE = query("accounts.user_delete", "DELETE FROM app_user WHERE username = ?", engines=DUCKDB_ONLY)
ROLES_DELETE_USER = query("accounts.roles_delete_user", "DELETE FROM user_role WHERE username = ?", engines=DUCKDB_ONLY)
ROLE_DELETE = query("accounts.role_delete", "DELETE FROM user_role WHERE username = ? AND ecosystem_id = ?",
                    engines=DUCKDB_ONLY)
ROLE_INSERT = query("accounts.role_insert", "INSERT INTO user_role VALUES (?, ?, ?)", engines=DUCKDB_ONLY)
ROLES_OF = query("accounts.roles_of", "SELECT ecosystem_id, role FROM user_role WHERE username = ? ORDER BY 1")
USERS_LIST = query("accounts.users_list", """
    SELECT u.username, u.created_at,
           string_agg(r.role || '@' || r.ecosystem_id, ', ' ORDER BY r.ecosystem_id) AS roles
    FROM app_user u LEFT JOIN user_role r USING (username) GROUP BY 1, 2 ORDER BY 1""")
META_GET = query("accounts.meta_get", "SELECT value FROM meta WHERE key = ?")
META_SET = query("accounts.meta_set", "INSERT OR REPLACE INTO meta VALUES (?, ?)", engines=DUCKDB_ONLY)

# -- edits in the browser: log, current rows, supersede and restore ---------------------------------------------------
EDIT_INSERT = query("accounts.edit_insert", """
    INSERT INTO edit_log VALUES (nextval('edit_seq'), now()::TIMESTAMP, ?, ?, ?, CAST(? AS JSON), ?, ?,
                                 CAST(? AS JSON), CAST(? AS JSON), ?, ?, NULL)
    RETURNING edit_id""", engines=DUCKDB_ONLY)
EDIT_MARK_UNDONE = query("accounts.edit_mark_undone", "UPDATE edit_log SET undone_by = ? WHERE edit_id = ?",
                         engines=DUCKDB_ONLY)
EDIT_GET = query("accounts.edit_get", "SELECT * FROM edit_log WHERE edit_id = ?")
EDITS_OF = query("accounts.edits_of", """
    SELECT * FROM edit_log WHERE ecosystem_id = ? ORDER BY edit_id DESC LIMIT 200""")

VALUE_CURRENT = query("accounts.value_current", """
    SELECT input_id, value, unit, source, kind, confidential, units, largest_share, top2_share, region, entered_by
    FROM indicator_input
    WHERE superseded_at IS NULL AND ecosystem_id = ? AND indicator = ? AND breakdown = ? AND year = ?""")
VALUE_BY_ID = query("accounts.value_by_id", """
    SELECT input_id, ecosystem_id, indicator, breakdown, year, value, unit, source, kind, confidential, units,
           largest_share, top2_share, region, entered_by, superseded_at FROM indicator_input WHERE input_id = ?""")
VALUE_OF_BATCH = query("accounts.value_of_batch", "SELECT max(input_id) FROM indicator_input WHERE batch_id = ?")
VALUES_CURRENT_OF = query("accounts.values_current_of", """
    SELECT input_id, indicator, breakdown, year, value, unit, source, kind, confidential, units, largest_share,
           top2_share, region, entered_by FROM indicator_input
    WHERE superseded_at IS NULL AND ecosystem_id = ? ORDER BY indicator, breakdown, year""")
SUPERSEDE_VALUE_ID = query("accounts.supersede_value_id", """
    UPDATE indicator_input SET superseded_at = now()::TIMESTAMP, superseded_by = ?
    WHERE input_id = ? AND superseded_at IS NULL""", engines=DUCKDB_ONLY)
RESTORE_VALUE = query("accounts.restore_value", """
    INSERT INTO indicator_input (input_id, ecosystem_id, indicator, breakdown, year, value, unit, region, source, kind,
                                 confidential, units, largest_share, entered_by, batch_id, source_row, top2_share,
                                 top3_share, contributor_set)
    SELECT nextval('input_seq'), ecosystem_id, indicator, breakdown, year, value, unit, region, source, kind,
           confidential, units, largest_share, entered_by, ?, source_row, top2_share, top3_share, contributor_set
    FROM indicator_input WHERE input_id = ?
    RETURNING input_id""", engines=DUCKDB_ONLY)

QUAL_CURRENT_OF = query("accounts.qual_current_of", """
    SELECT entry_id, indicator, text, entry_date, author, evidence FROM qualitative_entry
    WHERE superseded_at IS NULL AND ecosystem_id = ? ORDER BY indicator, entry_date DESC, entry_id""")
QUAL_BY_ID = query("accounts.qual_by_id", """
    SELECT entry_id, ecosystem_id, indicator, text, entry_date, author, evidence, superseded_at
    FROM qualitative_entry WHERE entry_id = ?""")
QUAL_OF_BATCH = query("accounts.qual_of_batch", "SELECT max(entry_id) FROM qualitative_entry WHERE batch_id = ?")
SUPERSEDE_QUAL_ID = query("accounts.supersede_qual_id", """
    UPDATE qualitative_entry SET superseded_at = now()::TIMESTAMP, superseded_by = ?
    WHERE entry_id = ? AND superseded_at IS NULL""", engines=DUCKDB_ONLY)
RESTORE_QUAL = query("accounts.restore_qual", """
    INSERT INTO qualitative_entry
    SELECT nextval('input_seq'), ecosystem_id, indicator, text, entry_date, author, evidence, ?, source_row, NULL, NULL
    FROM qualitative_entry WHERE entry_id = ?
    RETURNING entry_id""", engines=DUCKDB_ONLY)

TARGET_CURRENT = query("accounts.target_current", """
    SELECT batch_id, target_value, target_year, baseline_value, baseline_year, direction, note, set_by FROM target
    WHERE superseded_at IS NULL AND ecosystem_id = ? AND indicator = ? AND measure = ? AND breakdown = ?""")
TARGET_OF_BATCH = query("accounts.target_of_batch", """
    SELECT batch_id, target_value, target_year, baseline_value, baseline_year, direction, note, set_by, superseded_at
    FROM target WHERE ecosystem_id = ? AND indicator = ? AND measure = ? AND breakdown = ? AND batch_id = ?""")
TARGETS_CURRENT_OF = query("accounts.targets_current_of", """
    SELECT batch_id, indicator, measure, breakdown, target_value, target_year, baseline_value, baseline_year, direction,
           note, set_by FROM target WHERE superseded_at IS NULL AND ecosystem_id = ? ORDER BY indicator, measure, breakdown""")
SUPERSEDE_TARGET_KEY = query("accounts.supersede_target_key", """
    UPDATE target SET superseded_at = now()::TIMESTAMP, superseded_by = ?
    WHERE superseded_at IS NULL AND ecosystem_id = ? AND indicator = ? AND measure = ? AND breakdown = ?""",
                             engines=DUCKDB_ONLY)
RESTORE_TARGET = query("accounts.restore_target", """
    INSERT INTO target
    SELECT ecosystem_id, indicator, measure, breakdown, target_value, target_year, baseline_value, baseline_year,
           direction, note, set_by, ?, source_row, NULL, NULL
    FROM target WHERE ecosystem_id = ? AND indicator = ? AND measure = ? AND breakdown = ? AND batch_id = ?""",
                       engines=DUCKDB_ONLY)
WEB_BATCH = query("accounts.web_batch", """
    INSERT INTO import_batch VALUES (nextval('batch_seq'), 'web', ?, 'browser', ?, now()::TIMESTAMP, 1, NULL,
                                     'the ecosystem''s own data, entered in the browser')
    RETURNING batch_id""", engines=DUCKDB_ONLY)
ECOSYSTEM_DEFINITION = query("accounts.ecosystem_definition", """
    SELECT ecosystem_id, name_en, name_nl, kind, parent, description, definition FROM ecosystem WHERE ecosystem_id = ?""")

# -- snapshots: set-based copies of the ecosystem's state ------------------------------------------------------------
SNAPSHOT_NEW = query("accounts.snapshot_new", """
    INSERT INTO snapshot VALUES (nextval('snapshot_seq'), ?, ?, now()::TIMESTAMP, ?, CAST(? AS JSON))
    RETURNING snapshot_id""", engines=DUCKDB_ONLY)
SNAP_INDICATORS = query("accounts.snap_indicators", """
    INSERT INTO snapshot_indicator
    SELECT ?, indicator, measure, breakdown, year, value, unit FROM indicator_value WHERE ecosystem_id = ?""",
                        engines=DUCKDB_ONLY)
SNAP_INPUTS = query("accounts.snap_inputs", """
    INSERT INTO snapshot_input
    SELECT ?, input_id, indicator, breakdown, year, value, unit, confidential FROM indicator_input
    WHERE ecosystem_id = ? AND superseded_at IS NULL""", engines=DUCKDB_ONLY)
SNAP_FINDINGS = query("accounts.snap_findings", """
    INSERT INTO snapshot_finding SELECT ?, kind, code, verdict FROM finding WHERE ecosystem_id = ?""",
                      engines=DUCKDB_ONLY)
SNAP_MEMBERS = query("accounts.snap_members", """
    INSERT INTO snapshot_member SELECT DISTINCT ?, pic FROM ecosystem_member WHERE ecosystem_id = ?""",
                     engines=DUCKDB_ONLY)
SNAP_NETWORK = query("accounts.snap_network", """
    INSERT INTO snapshot_network SELECT ?, metric, value FROM network_metric WHERE ecosystem_id = ?""",
                     engines=DUCKDB_ONLY)
SNAPSHOTS_OF = query("accounts.snapshots_of", """
    SELECT s.snapshot_id, s.ecosystem_id, s.label, s.created_at, s.created_by,
           (SELECT count(*) FROM snapshot_member m WHERE m.snapshot_id = s.snapshot_id) AS members,
           (SELECT count(*) FROM snapshot_indicator i WHERE i.snapshot_id = s.snapshot_id) AS indicators,
           (SELECT count(*) FROM snapshot_input i WHERE i.snapshot_id = s.snapshot_id) AS inputs
    FROM snapshot s WHERE s.ecosystem_id = ? ORDER BY s.created_at, s.snapshot_id""")
SNAPSHOT_BY_LABEL = query("accounts.snapshot_by_label", """
    SELECT snapshot_id, ecosystem_id, label, created_at, created_by, targets FROM snapshot
    WHERE ecosystem_id = ? AND label = ?""")
SNAPSHOTS_WITH_LABEL = query("accounts.snapshots_with_label", """
    SELECT snapshot_id, ecosystem_id, label, created_at, created_by, targets FROM snapshot WHERE label = ? ORDER BY 2""")
SNAP_INDICATOR_ROWS = query("accounts.snap_indicator_rows", """
    SELECT indicator, measure, breakdown, year, value, unit FROM snapshot_indicator
    WHERE snapshot_id = ? AND year IS NULL ORDER BY indicator, measure, breakdown""")
SNAP_FINDING_ROWS = query("accounts.snap_finding_rows", """
    SELECT kind, code, verdict FROM snapshot_finding WHERE snapshot_id = ? ORDER BY kind, code""")
SNAP_NETWORK_ROWS = query("accounts.snap_network_rows", """
    SELECT metric, value FROM snapshot_network WHERE snapshot_id = ? ORDER BY metric""")
SNAP_INPUT_ROWS = query("accounts.snap_input_rows", """
    SELECT indicator, breakdown, year, value, unit, confidential FROM snapshot_input
    WHERE snapshot_id = ? ORDER BY indicator, breakdown, year""")


def _side(current: bool, table: str, cols: str, where: str = "") -> str:
    """One side of a comparison: a snapshot's copy (parameter: snapshot id) or the ecosystem now (its id)."""
    live = {"indicator": "indicator_value", "input": "indicator_input", "finding": "finding",
            "member": "ecosystem_member", "network": "network_metric"}[table]
    extra = " AND superseded_at IS NULL" if table == "input" and current else ""
    if current:
        return f"SELECT {cols} FROM {live} WHERE ecosystem_id = ?{extra}{where}"
    return f"SELECT {cols} FROM snapshot_{table} WHERE snapshot_id = ?{where}"


@builder("accounts.compare_indicators", (False,), (True,))
def compare_indicators(b_current: bool, a: int = 0, b: object = 0):
    """Totals over all years of the indicator values of snapshot ``a`` beside ``b`` (a snapshot, or now)."""
    cols = "indicator, measure, breakdown, year, value, unit"
    return dynamic("accounts.compare_indicators", f"""
        SELECT coalesce(x.indicator, y.indicator) AS indicator, coalesce(x.measure, y.measure) AS measure,
               coalesce(x.breakdown, y.breakdown) AS breakdown, coalesce(x.year, y.year) AS year,
               x.value AS a, y.value AS b, coalesce(x.unit, y.unit) AS unit
        FROM ({_side(False, 'indicator', cols, ' AND year IS NULL')}) x
        FULL OUTER JOIN ({_side(b_current, 'indicator', cols, ' AND year IS NULL')}) y
          ON x.indicator = y.indicator AND x.measure = y.measure AND x.breakdown = y.breakdown
         AND x.year IS NOT DISTINCT FROM y.year
        ORDER BY indicator, measure, breakdown, year NULLS FIRST""", [a, b])


@builder("accounts.compare_inputs", (False,), (True,))
def compare_inputs(b_current: bool, a: int = 0, b: object = 0):
    cols = "indicator, breakdown, year, value, unit, confidential"
    return dynamic("accounts.compare_inputs", f"""
        SELECT coalesce(x.indicator, y.indicator) AS indicator, coalesce(x.breakdown, y.breakdown) AS breakdown,
               coalesce(x.year, y.year) AS year, x.value AS a, y.value AS b, coalesce(x.unit, y.unit) AS unit,
               coalesce(x.confidential, false) OR coalesce(y.confidential, false) AS confidential
        FROM ({_side(False, 'input', cols)}) x
        FULL OUTER JOIN ({_side(b_current, 'input', cols)}) y
          ON x.indicator = y.indicator AND x.breakdown = y.breakdown AND x.year = y.year
        ORDER BY indicator, breakdown, year""", [a, b])


@builder("accounts.compare_findings", (False,), (True,))
def compare_findings(b_current: bool, a: int = 0, b: object = 0):
    cols = "kind, code, verdict"
    return dynamic("accounts.compare_findings", f"""
        SELECT coalesce(x.kind, y.kind) AS kind, coalesce(x.code, y.code) AS code, x.verdict AS a, y.verdict AS b
        FROM ({_side(False, 'finding', cols)}) x
        FULL OUTER JOIN ({_side(b_current, 'finding', cols)}) y ON x.kind = y.kind AND x.code = y.code
        ORDER BY kind, code""", [a, b])


@builder("accounts.compare_network", (False,), (True,))
def compare_network(b_current: bool, a: int = 0, b: object = 0):
    cols = "metric, value"
    return dynamic("accounts.compare_network", f"""
        SELECT coalesce(x.metric, y.metric) AS metric, x.value AS a, y.value AS b
        FROM ({_side(False, 'network', cols)}) x FULL OUTER JOIN ({_side(b_current, 'network', cols)}) y
          ON x.metric = y.metric ORDER BY metric""", [a, b])


@builder("accounts.member_changes", (False,), (True,))
def member_changes(b_current: bool, a: int = 0, b: object = 0, limit: int = 50):
    """Members who entered (in ``b`` only) and left (in ``a`` only): counts and the largest by participations."""
    return dynamic("accounts.member_changes", f"""
        WITH x AS (SELECT DISTINCT pic FROM ({_side(False, 'member', 'pic')})),
             y AS (SELECT DISTINCT pic FROM ({_side(b_current, 'member', 'pic')})),
             d AS (SELECT 'entered' AS change, pic FROM y WHERE pic NOT IN (SELECT pic FROM x)
                   UNION ALL SELECT 'left', pic FROM x WHERE pic NOT IN (SELECT pic FROM y))
        SELECT change, pic, label, participations, count(*) OVER (PARTITION BY change) AS total FROM (
            SELECT d.change, d.pic, coalesce(o.label, 'PIC ' || d.pic) AS label, coalesce(o.participations, 0) AS participations,
                   row_number() OVER (PARTITION BY d.change ORDER BY coalesce(o.participations, 0) DESC, d.pic) AS rn
            FROM d LEFT JOIN organisation o ON o.pic = d.pic)
        WHERE rn <= ? ORDER BY change, participations DESC, pic""", [a, b, limit])


SNAPSHOT_MEMBER_TOTALS = query("accounts.snapshot_member_totals", """
    SELECT count(*) FROM snapshot_member WHERE snapshot_id = ?""")

ALERT_THRESHOLD_GET = query("accounts.alert_threshold_get", """
    SELECT indicator_pct, verdicts, targets, set_by, set_at FROM alert_threshold WHERE ecosystem_id = ?""")
ALERT_THRESHOLD_SET = query("accounts.alert_threshold_set", """
    INSERT OR REPLACE INTO alert_threshold VALUES (?, ?, ?, ?, ?, now()::TIMESTAMP)""", engines=DUCKDB_ONLY)

# -- learning community ----------------------------------------------------------------------------------------------
MONITORED = query("accounts.monitored", """
    SELECT ecosystem_id, indicator, sum(n_values) AS n_values, sum(n_entries) AS n_entries, sum(n_targets) AS n_targets,
           min(first_year) AS first_year, max(last_year) AS last_year
    FROM (SELECT ecosystem_id, indicator, count(*) AS n_values, 0 AS n_entries, 0 AS n_targets,
                 min(year) AS first_year, max(year) AS last_year
          FROM indicator_input WHERE superseded_at IS NULL GROUP BY 1, 2
          UNION ALL SELECT ecosystem_id, indicator, 0, count(*), 0, NULL, NULL
          FROM qualitative_entry WHERE superseded_at IS NULL GROUP BY 1, 2
          UNION ALL SELECT ecosystem_id, indicator, 0, 0, count(*), NULL, NULL
          FROM target WHERE superseded_at IS NULL GROUP BY 1, 2)
    GROUP BY 1, 2 ORDER BY 1, 2""")
VALUE_PRACTICE = query("accounts.value_practice", """
    SELECT indicator, any_value(unit) AS unit, string_agg(DISTINCT kind, ', ') AS kinds,
           string_agg(DISTINCT source, '; ') AS sources, count(*) AS n_values,
           count(DISTINCT year) AS years, bool_or(confidential) AS has_confidential
    FROM indicator_input WHERE superseded_at IS NULL AND ecosystem_id = ? GROUP BY 1 ORDER BY 1""")
EVIDENCE_TYPES = query("accounts.evidence_types", """
    SELECT ecosystem_id, indicator,
           CASE WHEN link LIKE 'doi:%' OR link LIKE 'https://doi.org/%' THEN 'doi'
                WHEN link LIKE 'file:%' THEN 'file' ELSE 'web' END AS evidence_type,
           count(*) AS n
    FROM (SELECT ecosystem_id, indicator, unnest(from_json(evidence, '["VARCHAR"]')) AS link
          FROM qualitative_entry WHERE superseded_at IS NULL)
    GROUP BY 1, 2, 3 ORDER BY 1, 2, 3""")
TARGETS_ALL = query("accounts.targets_all", """
    SELECT ecosystem_id, indicator, measure, breakdown, target_value, target_year, baseline_value, baseline_year,
           direction FROM target WHERE superseded_at IS NULL ORDER BY indicator, measure, breakdown, ecosystem_id""")
CUSTOM_OF = query("accounts.custom_of", """
    SELECT key, ecosystem_id, name_en, name_nl, unit, category, challenges, direction, availability
    FROM custom_indicator WHERE ecosystem_id = ? OR ecosystem_id IS NULL OR ecosystem_id = '' ORDER BY key""")
NOTE_GET = query("accounts.note_get", "SELECT note, set_by, set_at FROM monitoring_note WHERE ecosystem_id = ?")
NOTE_SET = query("accounts.note_set", "INSERT OR REPLACE INTO monitoring_note VALUES (?, ?, ?, now()::TIMESTAMP)",
                 engines=DUCKDB_ONLY)
PACKAGES = query("accounts.packages", """
    SELECT package_id, ecosystem_id, name, imported_at, content FROM monitoring_package ORDER BY imported_at""")
PACKAGE_INSERT = query("accounts.package_insert", """
    INSERT OR REPLACE INTO monitoring_package VALUES (?, ?, ?, now()::TIMESTAMP, CAST(? AS JSON))""",
                       engines=DUCKDB_ONLY)
CUSTOM_UPSERT = query("accounts.custom_upsert", """
    INSERT OR REPLACE INTO custom_indicator VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL)""", engines=DUCKDB_ONLY)
TARGET_INSERT = query("accounts.target_insert", """
    INSERT INTO target VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, NULL, NULL)""", engines=DUCKDB_ONLY)
COMMUNITY_ECOSYSTEMS = query("accounts.community_ecosystems", """
    SELECT ecosystem_id, name_en, name_nl FROM ecosystem WHERE ecosystem_id NOT LIKE 'eu-%' ORDER BY position""")

# -- the key of a record staged from the browser's form (after the file import's validation) -----------------------
from innovatlas.store.queries.inputs import number_sql as _num  # noqa: E402

STAGED_VALUE_KEY = query("accounts.staged_value_key", f"""
    SELECT trim(indicator) AS indicator, _bd AS breakdown, CAST({_num('year')} AS INTEGER) AS year,
           {_num('value')} AS value FROM stg_values_k""", engines=DUCKDB_ONLY)
STAGED_TARGET_KEY = query("accounts.staged_target_key", f"""
    SELECT trim(indicator) AS indicator, _measure AS measure, _bd AS breakdown, {_num('target_value')} AS target_value
    FROM stg_targets_k""", engines=DUCKDB_ONLY)

# -- ecosystem definitions edited in the browser: the member preview ----------------------------------------------
DEFINITIONS_IN_ORDER = query("accounts.definitions_in_order", "SELECT definition FROM ecosystem ORDER BY position")


@builder("accounts.preview_scope", ("SELECT 'x' AS ecosystem_id, 1 AS pic, 'p' AS project_key", []))
def preview_scope(select_sql: str, params: list):
    """The in-scope participations of a definition being edited, in a temporary table (nothing stored)."""
    return dynamic("accounts.preview_scope", f"CREATE OR REPLACE TEMP TABLE _preview AS {select_sql}", params,
                   engines=DUCKDB_ONLY)


PREVIEW_COUNTS = query("accounts.preview_counts", """
    SELECT count(DISTINCT pic) AS members, count(DISTINCT project_key) AS projects,
           (SELECT count(DISTINCT pic) FROM _preview WHERE pic NOT IN
                (SELECT pic FROM ecosystem_member WHERE ecosystem_id = ?)) AS entering,
           (SELECT count(DISTINCT pic) FROM ecosystem_member WHERE ecosystem_id = ? AND pic NOT IN
                (SELECT pic FROM _preview)) AS leaving
    FROM _preview""", engines=DUCKDB_ONLY)
PREVIEW_MEMBERS = query("accounts.preview_members", """
    SELECT p.pic, coalesce(o.label, 'PIC ' || p.pic) AS label, o.city, o.country, count(DISTINCT p.project_key) AS projects,
           p.pic NOT IN (SELECT pic FROM ecosystem_member WHERE ecosystem_id = ?) AS entering
    FROM _preview p LEFT JOIN organisation o ON o.pic = p.pic
    GROUP BY 1, 2, 3, 4 ORDER BY projects DESC, p.pic LIMIT 25""", engines=DUCKDB_ONLY)

#: what the change alerts of an ecosystem depend on besides the workspace's stamp (snapshots, thresholds)
MONITOR_STAMP = query("accounts.monitor_stamp", """
    SELECT (SELECT max(snapshot_id) FROM snapshot WHERE ecosystem_id = ?) AS snapshot,
           (SELECT max(set_at) FROM alert_threshold WHERE ecosystem_id = ?) AS thresholds,
           (SELECT max(edit_id) FROM edit_log) AS edit""")
