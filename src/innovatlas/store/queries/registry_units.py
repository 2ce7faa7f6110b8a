"""Queries behind innovatlas.registry.units: the unit every analysis counts (issue 14).

``analysis_unit`` maps every PIC to the PIC that stands for its unit (``unit``) and the unit's key:

* ``pic``: every PIC is its own unit (``pic:<n>``);
* ``organisation``: the registered organisation (``registry_identifier``: PICs of one organisation,
  joined through ROR or a shared VAT number, share one ``org_key``);
* ``parent``: the organisation's top ROR parent (``registry_org.parent_key``, followed up to
  :data:`MAX_DEPTH` steps), else the organisation itself.

The PIC that stands for a unit is the one with the most participations (the lowest PIC on a tie), so
labels, links and attributes of a unit are those of a real CORDIS participant. The delineation,
indicator and network statements join this table in (set-based), instead of rewriting PICs in Python.
"""

from __future__ import annotations

from innovatlas.store.relational import DUCKDB_ONLY, builder, dynamic, query

#: ROR parent steps followed at most (a cycle in the data cannot loop)
MAX_DEPTH = 6

CLEAR_UNITS = query("registry_units.clear_units", "DELETE FROM analysis_unit", engines=DUCKDB_ONLY)

_KEYS = {
    "pic": "SELECT pic, 'pic:' || pic AS unit_key FROM organisation",
    "organisation": """
        SELECT o.pic, coalesce(k.org_key, 'pic:' || o.pic) AS unit_key FROM organisation o
        LEFT JOIN (SELECT CAST(value AS BIGINT) AS pic, min(org_key) AS org_key FROM registry_identifier
                   WHERE scheme = 'pic' GROUP BY 1) k USING (pic)""",
}
_KEYS["parent"] = f"""
        WITH RECURSIVE org AS ({_KEYS['organisation']}),
        up(org_key, anc, depth) AS (
            SELECT DISTINCT unit_key, unit_key, 0 FROM org
            UNION ALL
            SELECT u.org_key, r.parent_key, u.depth + 1 FROM up u JOIN registry_org r ON r.org_key = u.anc
            WHERE r.parent_key IS NOT NULL AND r.parent_key <> u.anc AND u.depth < {MAX_DEPTH}
        ),
        top AS (SELECT org_key, arg_max(anc, depth) AS top FROM up GROUP BY 1)
        SELECT org.pic, top.top AS unit_key FROM org JOIN top ON top.org_key = org.unit_key"""


@builder("registry_units.build_units", ("pic",), ("organisation",), ("parent",))
def build_units(unit: str):
    """Fill ``analysis_unit`` for ``unit`` (pic | organisation | parent)."""
    if unit not in _KEYS:
        raise ValueError(f"unknown unit {unit}")
    return dynamic("registry_units.build_units", f"""
        INSERT INTO analysis_unit
        WITH k AS ({_KEYS[unit]}),
        r AS (SELECT k.pic, k.unit_key, first_value(k.pic) OVER (PARTITION BY k.unit_key ORDER BY o.participations DESC, k.pic)
                     AS unit
              FROM k JOIN organisation o USING (pic))
        SELECT r.pic, r.unit, r.unit_key, coalesce(g.name, o.label)
        FROM r JOIN organisation o ON o.pic = r.unit LEFT JOIN registry_org g ON g.org_key = r.unit_key""",
                   engines=DUCKDB_ONLY)


STORED_UNIT = query("registry_units.stored_unit", "SELECT value FROM meta WHERE key = 'analysis_unit'")
CLEAR_STORED_UNIT = query("registry_units.clear_stored_unit", "DELETE FROM meta WHERE key = 'analysis_unit'",
                          engines=DUCKDB_ONLY)
STORE_UNIT = query("registry_units.store_unit", "INSERT INTO meta VALUES ('analysis_unit', ?)", engines=DUCKDB_ONLY)

UNIT_COUNTS = query("registry_units.unit_counts", """
        SELECT count(*) AS pics, count(DISTINCT unit) AS units, count(*) FILTER (WHERE unit <> pic) AS joined
        FROM analysis_unit""")

#: the unit of one PIC with every PIC it stands for
UNIT_OF_PIC = query("registry_units.unit_of_pic", """
        SELECT u.unit, u.unit_key, u.unit_name, list(v.pic ORDER BY v.pic) AS pics
        FROM analysis_unit u JOIN analysis_unit v ON v.unit = u.unit WHERE u.pic = ? GROUP BY 1, 2, 3""")
