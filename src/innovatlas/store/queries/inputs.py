"""Queries behind innovatlas.inputs: the catalogue with what the workspace holds, templates, the staged
template checks (one row per problem, set-based) and the transactional imports of values, qualitative
entries, targets and indicator definitions (history kept: a newer row supersedes, nothing is overwritten).

The staging tables (``stg_values``, ``stg_qual``, ...) are the workspace's own temporary tables, so the
statements that write them, and every import, run on DuckDB only.
"""

from __future__ import annotations

from collections.abc import Iterable

from innovatlas.store.queries.sources_common import add_column, staged_columns  # the staged-file helpers every import shares
from innovatlas.store.queries.sources_common import count_staged as staged_count
from innovatlas.store.relational import DUCKDB_ONLY, builder, dynamic, query

# -- fragments (SQL expressions the checks and imports share) ----------------------------------------------------


def number_sql(column: str) -> str:
    """SQL text turning a number as people type it into a DOUBLE (NULL when it is not one).

    A decimal comma is read (``12,5`` is 12.5, as Dutch spreadsheets write it), and thousands
    separators when they are unambiguous (``1.234.567,8`` and ``1,234,567.8``; ``1.234`` stays
    one point two three four). Not finite numbers (nan, inf) are not numbers.
    """
    v = f'trim(CAST("{column}" AS VARCHAR))'
    text = (f"CASE WHEN regexp_full_match({v}, '[+-]?[0-9]+,[0-9]+') THEN replace({v}, ',', '.') "
            f"WHEN regexp_full_match({v}, '[+-]?[0-9]{{1,3}}([.][0-9]{{3}})+(,[0-9]+)?') AND "
            f"(contains({v}, ',') OR length({v}) - length(replace({v}, '.', '')) > 1) "
            f"THEN replace(replace({v}, '.', ''), ',', '.') "
            f"WHEN regexp_full_match({v}, '[+-]?[0-9]{{1,3}}(,[0-9]{{3}})+([.][0-9]+)?') THEN replace({v}, ',', '') "
            f"ELSE {v} END")
    return f"(CASE WHEN isfinite(TRY_CAST({text} AS DOUBLE)) THEN TRY_CAST({text} AS DOUBLE) END)"


def optional_column(cols: set[str], c: str, default: str = "NULL") -> str:
    """The column ``c`` when the staged table has it, else ``default``."""
    return f'"{c}"' if c in cols else default


def is_empty(field: str) -> str:
    """A field that is NULL or blank."""
    return f'"{field}" IS NULL OR trim("{field}") = \'\''


def not_a_number(field: str) -> str:
    """A filled-in field that is not a number (see :func:`number_sql`)."""
    return f'"{field}" IS NOT NULL AND trim("{field}") <> \'\' AND {number_sql(field)} IS NULL'


def not_whole(field: str, lo: int, hi: int) -> str:
    """A number that is not a whole number between ``lo`` and ``hi``."""
    num = number_sql(field)
    return f"{num} IS NOT NULL AND ({num} <> floor({num}) OR {num} NOT BETWEEN {lo} AND {hi})"


def out_of_range(field: str, lo: float, hi: float) -> str:
    """A number outside ``lo``..``hi``."""
    num = number_sql(field)
    return f"{num} IS NOT NULL AND NOT ({num} BETWEEN {lo} AND {hi})"


def not_a_choice(field: str) -> str:
    """A field whose lower-cased value is not in the list parameter ``?``."""
    return f'"{field}" IS NOT NULL AND lower(trim("{field}")) NOT IN (SELECT unnest(CAST(? AS VARCHAR[])))'


def unknown_ecosystem(column: str, allow_empty: bool) -> str:
    """A column naming no analysed ecosystem (an empty one allowed with ``allow_empty``)."""
    empty = f' AND "{column}" IS NOT NULL' if allow_empty else ""
    return f'trim("{column}") NOT IN (SELECT ecosystem_id FROM ecosystem){empty}'


def less_than(field: str, other: str) -> str:
    """A share below another share (beyond rounding)."""
    return f"{number_sql(field)} < {number_sql(other)} - 1e-12"


def is_yes(yes: Iterable[str]) -> str:
    """The ``confidential`` column says yes (one of ``yes``)."""
    return f"lower(trim(confidential)) IN ({', '.join(repr(y) for y in yes)})"


def confidential_without(conf: str, field: str) -> str:
    """A confidential row (``conf``, see :func:`is_yes`) with ``field`` empty."""
    return f'{conf} AND ("{field}" IS NULL OR trim("{field}") = \'\')'


#: the indicator column as the checks show it
INDICATOR = "trim(indicator)"
#: an indicator not in (resp. in) the list parameter ``?``
INDICATOR_NOT_IN = "trim(indicator) NOT IN (SELECT unnest(CAST(? AS VARCHAR[])))"
INDICATOR_IN = "trim(indicator) IN (SELECT unnest(CAST(? AS VARCHAR[])))"
#: a filled-in date that is not YYYY-MM-DD
NOT_A_DATE = "date IS NOT NULL AND trim(date) <> '' AND TRY_CAST(left(trim(date), 10) AS DATE) IS NULL"
#: a filled-in key that is not a valid indicator key
NOT_A_KEY = "key IS NOT NULL AND NOT regexp_matches(trim(key), '^[a-z][a-z0-9_]{1,40}$')"
#: the keys a row may hold once (the first is the field named in the error)
VALUE_KEY = ["trim(ecosystem)", "trim(indicator)", "_bd", number_sql("year")]
TARGET_KEY = ["trim(ecosystem)", "trim(indicator)", "_measure", "_bd"]
DEFINITION_KEY = ["trim(key)"]

# -- the catalogue and templates -----------------------------------------------------------------------------------
VALUE_COUNTS = query("inputs.value_counts", """
    SELECT indicator, count(*) FROM indicator_input WHERE superseded_at IS NULL GROUP BY 1""")
QUALITATIVE_COUNTS = query("inputs.qualitative_counts", """
    SELECT indicator, count(*) FROM qualitative_entry WHERE superseded_at IS NULL GROUP BY 1""")
CUSTOM_INDICATORS = query("inputs.custom_indicators", "SELECT * FROM custom_indicator ORDER BY key")
CUSTOM_INDICATOR_NAMES = query("inputs.custom_indicator_names",
                               "SELECT name_en, name_nl FROM custom_indicator WHERE key = ?")
CUSTOM_INDICATOR_KEYS = query("inputs.custom_indicator_keys", "SELECT key FROM custom_indicator")
ECOSYSTEM_EXISTS = query("inputs.ecosystem_exists", "SELECT count(*) FROM ecosystem WHERE ecosystem_id = ?")
ECOSYSTEM_IDS = query("inputs.ecosystem_ids", "SELECT ecosystem_id FROM ecosystem ORDER BY position")
KNOWN_ECOSYSTEMS = query("inputs.known_ecosystems", "SELECT ecosystem_id FROM ecosystem ORDER BY position LIMIT 25")
CUSTOM_FOR_ECOSYSTEM = query("inputs.custom_for_ecosystem", """
    SELECT * FROM custom_indicator WHERE ecosystem_id IS NULL OR ecosystem_id = ? ORDER BY key""")


# -- staged tables and their checks --------------------------------------------------------------------------------
@builder("inputs.delete_empty_rows", ("stg_values", "value"))
def delete_empty_rows(table: str, key: str):
    """Template rows left empty (no value / text given)."""
    return dynamic("inputs.delete_empty_rows", f"DELETE FROM {table} WHERE {is_empty(key)}", engines=DUCKDB_ONLY)


@builder("inputs.problem_count", ("stg_values", is_empty("unit"), []), ("stg_values", not_a_choice("kind"), [["import"]]))
def problem_count(table: str, condition: str, params: list):
    """How many staged rows match a check's ``condition``."""
    return dynamic("inputs.problem_count", f"SELECT count(*) FROM {table} WHERE {condition}", params)


@builder("inputs.problem_rows", ("stg_values", '"unit"', is_empty("unit"), 20, []),
         ("stg_values", INDICATOR, INDICATOR_NOT_IN, 20, [["1", "2"]]))
def problem_rows(table: str, value: str, condition: str, limit: int, params: list):
    """The first ``limit`` staged rows matching a check's ``condition``, with the value the error shows."""
    return dynamic("inputs.problem_rows",
                   f"SELECT _row, {value} FROM {table} WHERE {condition} ORDER BY _row LIMIT {limit}", params)


@builder("inputs.duplicate_rows", ("stg_values_k", VALUE_KEY, 20), ("stg_defs", DEFINITION_KEY, 20))
def duplicate_rows(table: str, key: list[str], limit: int):
    """Rows repeating the key of an earlier row, with that row."""
    cols = ", ".join(key)
    return dynamic("inputs.duplicate_rows", f"""SELECT _row, first_row FROM (SELECT _row, min(_row) OVER (PARTITION BY {cols}) AS first_row
                               FROM {table}) WHERE _row > first_row ORDER BY _row LIMIT {limit}""")


@builder("inputs.duplicate_count", ("stg_values_k", VALUE_KEY), ("stg_defs", DEFINITION_KEY))
def duplicate_count(table: str, key: list[str]):
    cols = ", ".join(key)
    return dynamic("inputs.duplicate_count", f"SELECT count(*) - count(DISTINCT ({cols})) FROM {table}")


@builder("inputs.additive_cells", ("stg_values_k",))
def additive_cells(table: str):
    """The staged values by ecosystem, indicator and year, for the additivity check of their breakdowns."""
    return dynamic("inputs.additive_cells", f"""SELECT _row, trim(ecosystem), trim(indicator), CAST({number_sql('year')} AS INTEGER), _bd,
                              {number_sql('value')}, _conf FROM {table}""")


# -- values and their contributor sets -----------------------------------------------------------------------------
STAGE_CONTRIBUTOR_SETS = query("inputs.stage_contributor_sets", """CREATE OR REPLACE TEMP TABLE stg_sets AS
        WITH listed AS (
            SELECT input_id, 'listed' AS kind, NULL AS ecosystem_id, list_sort(list_distinct(list(x))) AS ids
            FROM (SELECT i.input_id, trim(unnest(string_split(c.contributors, '|'))) AS x
                  FROM indicator_input i JOIN stg_contributors c USING (input_id)
                  WHERE i.batch_id = ? AND i.confidential AND nullif(trim(c.contributors), '') IS NOT NULL)
            WHERE x <> '' GROUP BY input_id),
        members AS (
            SELECT i.input_id, 'members' AS kind, i.ecosystem_id, m.ids
            FROM indicator_input i JOIN (SELECT ecosystem_id, list(CAST(pic AS VARCHAR) ORDER BY pic) AS ids
                                         FROM ecosystem_member GROUP BY 1) m USING (ecosystem_id)
            WHERE i.batch_id = ? AND i.confidential AND i.input_id NOT IN (SELECT input_id FROM listed))
        SELECT *, md5(kind || ':' || array_to_string(ids, '|')) AS digest FROM (SELECT * FROM listed UNION ALL SELECT * FROM members)""",
                               engines=DUCKDB_ONLY)
STAGE_NEW_CONTRIBUTOR_SETS = query("inputs.stage_new_contributor_sets", """CREATE OR REPLACE TEMP TABLE stg_new_sets AS
        SELECT nextval('contributor_set_seq') AS set_id, * FROM (
            SELECT digest, any_value(kind) AS kind, any_value(ecosystem_id) AS ecosystem_id, any_value(ids) AS ids
            FROM stg_sets WHERE digest NOT IN (SELECT digest FROM contributor_set) GROUP BY digest)""",
                                   engines=DUCKDB_ONLY)
INSERT_CONTRIBUTOR_SETS = query("inputs.insert_contributor_sets", """
    INSERT INTO contributor_set SELECT set_id, kind, ecosystem_id, len(ids), digest, ? FROM stg_new_sets""",
                                engines=DUCKDB_ONLY)
INSERT_CONTRIBUTORS = query("inputs.insert_contributors", "INSERT INTO contributor SELECT set_id, unnest(ids) FROM stg_new_sets",
                            engines=DUCKDB_ONLY)
LINK_CONTRIBUTOR_SETS = query("inputs.link_contributor_sets", """UPDATE indicator_input SET contributor_set = s.set_id
                  FROM (SELECT st.input_id, cs.set_id FROM stg_sets st JOIN contributor_set cs USING (digest)) s
                  WHERE indicator_input.input_id = s.input_id""", engines=DUCKDB_ONLY)


@builder("inputs.stage_value_keys", ("stg_values", is_yes(["ja", "yes"])))
def stage_value_keys(table: str, conf: str):
    """The staged values with their breakdown key ``_bd`` and confidentiality ``_conf`` (``conf``, see :func:`is_yes`)."""
    return dynamic("inputs.stage_value_keys", f"""CREATE OR REPLACE TEMP TABLE stg_values_k AS
                       SELECT *, coalesce(trim(breakdown), '') AS _bd, {conf} AS _conf FROM {table}""",
                   engines=DUCKDB_ONLY)


SUPERSEDE_VALUES = query("inputs.supersede_values", """
            UPDATE indicator_input SET superseded_at = now()::TIMESTAMP, superseded_by = ?
            WHERE superseded_at IS NULL AND (ecosystem_id, indicator, breakdown, year) IN
                  (SELECT (trim(ecosystem), trim(indicator), _bd, CAST(CAST(year AS DOUBLE) AS INTEGER)) FROM stg_values_k)""",
                         engines=DUCKDB_ONLY)
STAGE_VALUE_IDS = query("inputs.stage_value_ids", """
            CREATE OR REPLACE TEMP TABLE stg_values_ids AS
            SELECT nextval('input_seq') AS input_id, * FROM (SELECT * FROM stg_values_k ORDER BY _row)""",
                        engines=DUCKDB_ONLY)


@builder("inputs.insert_values", ({"region"}, 1), (set(), 1))
def insert_values(cols: set[str], batch: int):
    """The staged values into ``indicator_input`` (``cols``: the staged table's columns; region is optional)."""
    return dynamic("inputs.insert_values", f"""
            INSERT INTO indicator_input (input_id, ecosystem_id, indicator, breakdown, year, value, unit, region, source,
                                         kind, confidential, units, largest_share, top2_share, top3_share, entered_by,
                                         batch_id, source_row)
            SELECT input_id, trim(ecosystem), trim(indicator), _bd, CAST({number_sql('year')} AS INTEGER),
                   {number_sql('value')}, trim(unit), {optional_column(cols, 'region')}, trim(source), lower(trim(kind)), _conf,
                   CAST({number_sql('units')} AS INTEGER), {number_sql('largest_share')}, {number_sql('top2_share')},
                   {number_sql('top3_share')}, trim(author), ?, _row
            FROM stg_values_ids ORDER BY _row""", [batch], engines=DUCKDB_ONLY)


STAGE_CONTRIBUTORS = query("inputs.stage_contributors",
                           "CREATE OR REPLACE TEMP TABLE stg_contributors AS SELECT input_id, contributors FROM stg_values_ids",
                           engines=DUCKDB_ONLY)


# -- qualitative entries -------------------------------------------------------------------------------------------
@builder("inputs.staged_evidence", ("stg_qual",))
def staged_evidence(table: str):
    return dynamic("inputs.staged_evidence", f"SELECT _row, evidence FROM {table} WHERE evidence IS NOT NULL ORDER BY _row")


@builder("inputs.supersede_qualitative", ("stg_qual", 1))
def supersede_qualitative(table: str, batch: int):
    return dynamic("inputs.supersede_qualitative", f"""UPDATE qualitative_entry SET superseded_at = now()::TIMESTAMP, superseded_by = ?
                       WHERE superseded_at IS NULL AND (ecosystem_id, indicator, author, entry_date) IN
                       (SELECT (trim(ecosystem), trim(indicator), trim(author), CAST(left(trim(date), 10) AS DATE)) FROM {table})""",
                   [batch], engines=DUCKDB_ONLY)


@builder("inputs.insert_qualitative", ("stg_qual", 1, [2], ['["https://example.org"]']))
def insert_qualitative(table: str, batch: int, rows: list[int], links: list[str]):
    """The staged entries with their evidence links (``links``, JSON lists, of the staged ``rows``)."""
    return dynamic("inputs.insert_qualitative", f"""
            INSERT INTO qualitative_entry
            SELECT nextval('input_seq'), trim(ecosystem), trim(indicator), trim(text), CAST(left(trim(date), 10) AS DATE),
                   trim(author), CAST(e.links AS JSON), ?, _row, NULL, NULL
            FROM {table} JOIN (SELECT unnest(CAST(? AS BIGINT[])) AS r, unnest(CAST(? AS VARCHAR[])) AS links) e ON e.r = _row
            ORDER BY _row""", [batch, rows, links], engines=DUCKDB_ONLY)


# -- targets -------------------------------------------------------------------------------------------------------
@builder("inputs.stage_target_keys", ("stg_targets",))
def stage_target_keys(table: str):
    """The staged targets with their measure ``_measure`` and breakdown key ``_bd``."""
    return dynamic("inputs.stage_target_keys", f"""CREATE OR REPLACE TEMP TABLE stg_targets_k AS
                       SELECT *, coalesce(nullif(trim(measure), ''), CASE WHEN trim(indicator) = '29' THEN 'organisations'
                                 WHEN trim(indicator) = '18' THEN 'collaboration_relations' ELSE 'value' END) AS _measure,
                              coalesce(trim(breakdown), '') AS _bd FROM {table}""", engines=DUCKDB_ONLY)


SUPERSEDE_TARGETS = query("inputs.supersede_targets", """UPDATE target SET superseded_at = now()::TIMESTAMP, superseded_by = ?
                      WHERE superseded_at IS NULL AND (ecosystem_id, indicator, measure, breakdown) IN
                      (SELECT (trim(ecosystem), trim(indicator), _measure, _bd) FROM stg_targets_k)""",
                          engines=DUCKDB_ONLY)
INSERT_TARGETS = query("inputs.insert_targets", f"""
            INSERT INTO target
            SELECT trim(ecosystem), trim(indicator), _measure, _bd, {number_sql('target_value')},
                   CAST({number_sql('target_year')} AS INTEGER), {number_sql('baseline_value')},
                   CAST({number_sql('baseline_year')} AS INTEGER), lower(trim(direction)),
                   note, trim(author), ?, _row, NULL, NULL
            FROM stg_targets_k ORDER BY _row""", engines=DUCKDB_ONLY)


# -- indicator definitions -----------------------------------------------------------------------------------------
@builder("inputs.delete_definitions", ("stg_defs",))
def delete_definitions(table: str):
    """The definitions the staged file redefines (a definition is replaced, its values stay)."""
    return dynamic("inputs.delete_definitions", f"DELETE FROM custom_indicator WHERE key IN (SELECT trim(key) FROM {table})",
                   engines=DUCKDB_ONLY)


@builder("inputs.insert_definitions", ("stg_defs", 1))
def insert_definitions(table: str, batch: int):
    return dynamic("inputs.insert_definitions", f"""
            INSERT INTO custom_indicator
            SELECT trim(key), ecosystem, trim(name_en), coalesce(name_nl, trim(name_en)),
                   trim(unit), category, challenges, lower(trim(direction)),
                   coalesce(lower(trim(availability)), 'import'), ?, _row
            FROM {table}""", [batch], engines=DUCKDB_ONLY)


# -- reading -------------------------------------------------------------------------------------------------------
QUALITATIVE_OF = query("inputs.qualitative_of", """SELECT indicator, text, entry_date, author, evidence FROM qualitative_entry
                       WHERE ecosystem_id = ? AND superseded_at IS NULL ORDER BY indicator, entry_date""")
TARGETS_OF = query("inputs.targets_of", """SELECT indicator, measure, breakdown, target_value, target_year, baseline_value, baseline_year,
                              direction, note, set_by FROM target WHERE ecosystem_id = ? AND superseded_at IS NULL
                       ORDER BY indicator, measure, breakdown""")
