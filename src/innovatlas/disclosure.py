"""Statistical disclosure control: the one place every output of imported values goes through.

A value marked *confidential* (firm-level statistics, e.g. CBS microdata) is suppressed when
its cell has fewer than ``min_units`` contributing units or when its largest contributor
holds more than ``max_dominance`` of the cell total (the threshold rule and the (1, k)
dominance rule; Hundepool et al. 2012, *Statistical Disclosure Control*, Wiley, §4.2).

Secondary (complementary) suppression: within one group (ecosystem, indicator, year) that
holds a total (breakdown ``''``) and parts, a single suppressed cell could be recovered as
total minus the other parts. So whenever exactly one cell of such a group is suppressed, a
second one is suppressed too: the published part with the smallest value, or the total if
there is no other part. Suppressed values are returned as ``None`` with ``suppressed`` set
and a reason; they never reach the report, the API, an export or a composite.

Settings (stored in the workspace ``meta`` table, changed with ``innovatlas config``):
``disclosure_min_units`` (default 10) and ``disclosure_max_dominance`` (default 0.5).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterable

from innovatlas.store import Workspace

__all__ = ["DisclosureRule", "DEFAULT_RULE", "apply_rule", "rule_of", "disclosed_inputs", "set_rule"]


@dataclass(frozen=True)
class DisclosureRule:
    """``DisclosureRule(min_units=10, max_dominance=0.5)`` is the default."""

    min_units: int = 10
    max_dominance: float = 0.5

    def primary(self, row: dict[str, Any]) -> str | None:
        """Why a single cell must be suppressed, or None."""
        if not row.get("confidential"):
            return None
        units = row.get("units")
        if units is None or units < self.min_units:
            return f"confidential: fewer than {self.min_units} units"
        share = row.get("largest_share")
        if share is None or share > self.max_dominance:
            return f"confidential: largest contributor above {self.max_dominance:.0%}"
        return None


DEFAULT_RULE = DisclosureRule()


def apply_rule(rows: Iterable[dict[str, Any]], rule: DisclosureRule = DEFAULT_RULE) -> list[dict[str, Any]]:
    """Copies of ``rows`` with suppressed values set to None (primary, then secondary suppression).

    Rows need ``ecosystem_id, indicator, year, breakdown, value, confidential, units, largest_share``.

    >>> rows = [dict(ecosystem_id="e", indicator="2", year=2020, breakdown="", value=100.0, confidential=True, units=30, largest_share=0.2),
    ...         dict(ecosystem_id="e", indicator="2", year=2020, breakdown="a", value=90.0, confidential=True, units=25, largest_share=0.2),
    ...         dict(ecosystem_id="e", indicator="2", year=2020, breakdown="b", value=10.0, confidential=True, units=3, largest_share=0.9)]
    >>> [r["value"] for r in apply_rule(rows)]
    [100.0, None, None]
    """
    out = [dict(r, suppressed=False, suppression=None) for r in rows]
    for r in out:
        reason = rule.primary(r)
        if reason:
            r.update(value=None, suppressed=True, suppression=reason)
    groups: dict[tuple, list[dict[str, Any]]] = {}
    for r in out:
        groups.setdefault((r["ecosystem_id"], r["indicator"], r["year"]), []).append(r)
    for cells in groups.values():
        if len(cells) < 2 or not any(c["breakdown"] == "" for c in cells):
            continue
        if sum(c["suppressed"] for c in cells) == 1:
            parts = [c for c in cells if not c["suppressed"] and c["breakdown"] != ""]
            victim = min(parts, key=lambda c: (c["value"], c["breakdown"])) if parts else \
                next(c for c in cells if not c["suppressed"])
            victim.update(value=None, suppressed=True, suppression="suppressed to protect another cell (total minus parts)")
    return out


def rule_of(ws: Workspace) -> DisclosureRule:
    vals = dict(ws.rows("SELECT key, value FROM meta WHERE key LIKE 'disclosure_%'"))
    return DisclosureRule(min_units=int(vals.get("disclosure_min_units", DEFAULT_RULE.min_units)),
                          max_dominance=float(vals.get("disclosure_max_dominance", DEFAULT_RULE.max_dominance)))


def set_rule(ws: Workspace, rule: DisclosureRule) -> None:
    with ws.transaction():
        ws.execute("INSERT OR REPLACE INTO meta VALUES ('disclosure_min_units', ?)", [str(rule.min_units)])
        ws.execute("INSERT OR REPLACE INTO meta VALUES ('disclosure_max_dominance', ?)", [str(rule.max_dominance)])


def disclosed_inputs(ws: Workspace, eco_id: str | None = None, *, indicator: str | None = None) -> list[dict[str, Any]]:
    """Current imported/survey values (newest per key), after disclosure control. The only reader."""
    rows = ws.dicts("""
        SELECT i.ecosystem_id, i.indicator, i.breakdown, i.year, i.value, i.unit, i.region, i.source, i.kind,
               i.confidential, i.units, i.largest_share, i.entered_by, b.imported_at, b.file
        FROM indicator_input i JOIN import_batch b USING (batch_id)
        WHERE i.superseded_at IS NULL AND (? IS NULL OR i.ecosystem_id = ?) AND (? IS NULL OR i.indicator = ?)
        ORDER BY i.ecosystem_id, i.indicator, i.year, i.breakdown""", [eco_id, eco_id, indicator, indicator])
    out = apply_rule(rows, rule_of(ws))
    for r in out:  # the cell's composition is itself sensitive once suppressed
        if r["suppressed"]:
            r["units"] = None
            r["largest_share"] = None
    return out
