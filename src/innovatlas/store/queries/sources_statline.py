"""Queries behind innovatlas.sources.statline: checks on a staged StatLine export and its load.

The checks and the load read the staged export (a table of the workspace) and the load writes
``regional_statistic``: an import, so DuckDB only.
"""

from __future__ import annotations

from collections.abc import Sequence

from innovatlas.store.relational import DUCKDB_ONLY, builder, dynamic


@builder("sources_statline.bad_period", ("stg_statline",))
def bad_period(t: str):
    """The first row whose period is not a StatLine period (2021JJ00, 2021KW02, 2021MM05)."""
    return dynamic("sources_statline.bad_period", f"""SELECT _row, "Perioden" FROM {t} WHERE NOT coalesce(regexp_matches(trim("Perioden"),
                              '^[0-9]{{4}}(JJ00|KW0[1-4]|MM[0-9]{{2}})$'), false) ORDER BY _row LIMIT 1""", engines=DUCKDB_ONLY)


@builder("sources_statline.bad_number", ("stg_statline", "Banen_2"))
def bad_number(t: str, topic: str):
    """The first row whose value of a topic is filled in but not a number."""
    return dynamic("sources_statline.bad_number", f"""SELECT _row, "{topic}" FROM {t} WHERE "{topic}" IS NOT NULL
                                  AND NOT coalesce(isfinite(TRY_CAST(replace("{topic}", ',', '.') AS DOUBLE)), false) ORDER BY _row LIMIT 1""",
                   engines=DUCKDB_ONLY)


@builder("sources_statline.insert_statistics", ("85039NED", "stg_statline", ("Bedrijfsvestigingen_1", "Banen_2"), 1),
         ("85039NED", "stg_statline", ("Banen_2",), 2))
def insert_statistics(tid: str, t: str, topics: Sequence[str], batch: int):
    """Every filled-in value of every topic as indicator ``<table>:<topic>`` of source ``cbs:<table>``."""
    unions = " UNION ALL ".join(
        f"""SELECT trim("RegioS") AS r, ? AS ind, CAST(left(trim("Perioden"), 4) AS INTEGER) AS y,
                   TRY_CAST(replace("{c}", ',', '.') AS DOUBLE) AS v, _row FROM {t}""" for c in topics)
    return dynamic("sources_statline.insert_statistics",
                   f"""INSERT INTO regional_statistic SELECT 'cbs:{tid}', r, NULL, ind, y, v, NULL, ?, _row
                           FROM ({unions}) WHERE v IS NOT NULL""", [batch] + [f"{tid}:{c}" for c in topics],
                   engines=DUCKDB_ONLY)
