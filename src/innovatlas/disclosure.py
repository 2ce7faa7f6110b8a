"""Statistical disclosure control: the one reader of imported values, applied after every derivation.

What is protected
    A value marked *confidential* (firm-level statistics, e.g. CBS microdata) is *primary*
    suppressed when its cell has fewer than ``min_units`` contributing units (threshold rule)
    or when its ``n`` largest contributors hold more than ``k`` of the cell total, for every
    configured dominance rule ``(n, k)`` (default ``(1, 50%)``; the ESSnet guidelines for
    output checking and CBS also use ``(2, 85%)``). Hundepool et al. (2012), *Statistical
    Disclosure Control*, Wiley, §4.2; Bond, Brandt & de Wolf (2015), *Guidelines for Output
    Checking*, Eurostat/ESSnet, §4.

    *Secondary* suppression then makes sure no suppressed cell can be computed from what is
    published, by adding and subtracting. Every published figure of one indicator and year is
    taken together as a system of linear relations:

    - **breakdowns**: a total is the sum of its parts, in every dimension of the breakdown
      (``size:sme`` and ``region:north`` are two dimensions; ``size:sme;region:north`` is a
      cell of their cross-classification, whose row and column sums are the marginal cells),
      a missing marginal being an unknown of its own;
    - **versions**: every state the workspace has been in (after each import) is a table that
      was published, so a superseded value is judged together with the values that were
      current beside it (the history shows it);
    - **overlapping ecosystems** (differencing): two cells of the same indicator, year and
      breakdown whose contributor sets differ by fewer than ``min_units`` contributors give
      the value of those few contributors away by subtraction; a cell whose contributor set
      is the disjoint union of others' is their sum. The contributor set of a confidential
      value is what the user lists in the ``contributors`` column, or otherwise the
      ecosystem's member organisations at the time of the import (a proxy: nested
      ecosystems nest their members the way their regions nest).

    A suppressed cell is safe when it is *undetermined*: the published values and the
    relations leave it free (the null space of the relations restricted to the unpublished
    cells has a non-zero component on it). The groups of fewer than ``min_units``
    contributors implied by differencing are unknowns that must stay undetermined too.
    While some sensitive unknown is determined, the published cell that frees it and costs
    least is suppressed as well (a part before a total, a confidential value before an
    open one, the smaller value first): a greedy cell-suppression heuristic.

What is not protected (the user checks by hand before publishing outside innovatlas)
    Intervals: a suppressed non-negative part is still known to lie between 0 and the total
    minus the published parts (no protection level is enforced). Combinations of three or
    more overlapping ecosystems other than a disjoint union (e.g. A + B - C isolating a
    small group). Relations the workspace does not know of (figures published elsewhere,
    breakdowns that are not additive, such as ratios, are still treated as additive, which
    only suppresses more). Values that are not marked confidential are shown as imported.

Everything that shows an imported value reads it here (:func:`disclosed_inputs`,
:func:`disclosed_history`), with the rule in force *now*; results derived and stored
earlier (the diagnosis) are recomputed when the rule changes (:func:`set_rule`) and carry
the rule's :meth:`DisclosureRule.fingerprint`, so a stale result is never served.

Settings (stored in the workspace ``meta`` table, changed with ``innovatlas config``):
``disclosure_min_units`` (default 10), ``disclosure_max_dominance`` (the ``(1, k)`` rule,
default 0.5) and ``disclosure_dominance`` (further rules, e.g. ``2:0.85``).
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from typing import Any, Iterable

import numpy as np

from innovatlas.errors import InputError
from innovatlas.store import Workspace
from innovatlas.store.queries import disclosure as Q

__all__ = ["DisclosureRule", "DEFAULT_RULE", "SHARE_COLUMNS", "apply_rule", "rule_of", "set_rule", "parse_breakdown",
           "parse_dominance", "disclosed_inputs", "disclosed_history", "determined_cells"]

#: the column holding the share of the n largest contributors, per n
SHARE_COLUMNS = {1: "largest_share", 2: "top2_share", 3: "top3_share"}
_TOL = 1e-9


@dataclass(frozen=True)
class DisclosureRule:
    """The threshold rule and the (n, k) dominance rules.

    >>> DisclosureRule().rules()
    [(1, 0.5)]
    >>> DisclosureRule(min_units=5, dominance=((2, 0.85),)).rules()
    [(1, 0.5), (2, 0.85)]
    >>> DisclosureRule(max_dominance=None, dominance=((2, 0.85),)).describe()
    'at least 10 units; the 2 largest contributors at most 85%'
    """

    min_units: int = 10
    max_dominance: float | None = 0.5
    dominance: tuple[tuple[int, float], ...] = field(default=())

    def __post_init__(self):
        if int(self.min_units) != self.min_units or self.min_units < 1:
            raise InputError(f"min units must be a whole number of at least 1, not {self.min_units}",
                             hint="e.g. innovatlas config --min-units 10")
        for n, k in self.rules():
            if n not in SHARE_COLUMNS:
                raise InputError(f"a dominance rule for the {n} largest contributors is not supported",
                                 hint="use n = 1, 2 or 3, e.g. --dominance 2:0.85")
            if not 0 < k <= 1:
                raise InputError(f"dominance share {k} is not between 0 and 1", hint="e.g. --dominance 2:0.85")

    def rules(self) -> list[tuple[int, float]]:
        out = {} if self.max_dominance is None else {1: float(self.max_dominance)}
        for n, k in self.dominance:
            out[int(n)] = min(float(k), out.get(int(n), 1.0))
        return sorted(out.items())

    def describe(self) -> str:
        parts = [f"at least {self.min_units} units"]
        parts += [("the largest contributor" if n == 1 else f"the {n} largest contributors") + f" at most {k:.0%}"
                  for n, k in self.rules()]
        return "; ".join(parts)

    def fingerprint(self) -> str:
        return f"min_units={self.min_units};" + ";".join(f"{n}:{k:g}" for n, k in self.rules())

    def primary(self, row: dict[str, Any]) -> str | None:
        """Why a single cell must be suppressed, or None."""
        if not row.get("confidential"):
            return None
        units = row.get("units")
        if units is None or units < self.min_units:
            return f"confidential: fewer than {self.min_units} units"
        for n, k in self.rules():
            share = row.get(SHARE_COLUMNS[n])
            who = "largest contributor" if n == 1 else f"{n} largest contributors"
            if share is None:
                return f"confidential: the share of the {who} is not given (needed by the ({n}, {k:.0%}) rule)"
            if share > k + _TOL:
                return f"confidential: {who} above {k:.0%}"
        return None


DEFAULT_RULE = DisclosureRule()


def parse_dominance(text: str) -> tuple[int, float]:
    """``'2:0.85'`` or ``'2:85%'`` -> ``(2, 0.85)``.

    >>> parse_dominance("2:85%")
    (2, 0.85)
    """
    try:
        n, k = text.split(":")
        share = float(k[:-1]) / 100 if k.strip().endswith("%") else float(k)
        return int(n), share
    except ValueError:
        raise InputError(f"'{text}' is not a dominance rule", hint="write n:k, e.g. 2:0.85 (the two largest at most 85%)") from None


def parse_breakdown(breakdown: str) -> tuple[tuple[str, str], ...]:
    """A breakdown as sorted ``(dimension, category)`` pairs; ``''`` is the total.

    ``dimension:category`` (or ``=``) names the dimension, ``;`` joins the dimensions of a
    cross-classified cell; a plain category belongs to the unnamed dimension ``''``.

    >>> parse_breakdown("region:north;size:sme")
    (('region', 'north'), ('size', 'sme'))
    >>> parse_breakdown("sme"), parse_breakdown("")
    ((('', 'sme'),), ())
    """
    out = []
    for part in (p.strip() for p in (breakdown or "").split(";")):
        if not part:
            continue
        sep = ":" if ":" in part else ("=" if "=" in part else None)
        dim, cat = (part.split(sep, 1) if sep else ("", part))
        out.append((dim.strip().lower(), cat.strip().lower()))
    return tuple(sorted(out))


# --- the linear audit ------------------------------------------------------------------------

def _null_space(a: np.ndarray) -> np.ndarray:
    if a.shape[0] == 0:
        return np.eye(a.shape[1])
    _u, s, vt = np.linalg.svd(a, full_matrices=True)
    rank = int((s > _TOL * max(1.0, s[0] if len(s) else 1.0)).sum())
    return vt[rank:].T


def determined_cells(relations: list[dict[Any, float]], unknown: Iterable[Any]) -> set[Any]:
    """Which unknowns the relations fix, given every other variable is published.

    ``relations`` are linear equations ``sum(coef * x) = 0`` as ``{variable: coef}``.

    >>> determined_cells([{"t": 1, "a": -1, "b": -1}], ["b"])
    {'b'}
    >>> sorted(determined_cells([{"t": 1, "a": -1, "b": -1}], ["a", "b"]))
    []
    """
    unknown = list(dict.fromkeys(unknown))
    if not unknown or not relations:
        return set()
    idx = {u: i for i, u in enumerate(unknown)}
    rows = [r for r in relations if any(v in idx and c for v, c in r.items())]
    if not rows:
        return set()
    a = np.zeros((len(rows), len(unknown)))
    for i, r in enumerate(rows):
        for v, c in r.items():
            if v in idx:
                a[i, idx[v]] += c
    n = _null_space(a)
    if n.shape[1] == 0:
        return set(unknown)
    return {u for u, i in idx.items() if np.abs(n[i]).max() < 1e-7}


def _secondary(relations: list[dict[Any, float]], published: list[Any], suppressed: set[Any], virtual: set[Any],
               sensitive: set[Any], cost) -> list[Any]:
    """Greedy cell suppression: published cells to withhold so that no sensitive unknown is determined."""
    unknown = set(suppressed) | set(virtual)
    chosen: list[Any] = []
    pub = [p for p in published if p not in unknown]
    while True:
        bad = sorted((s for s in determined_cells(relations, unknown) if s in sensitive), key=str)
        if not bad:
            return chosen
        target = bad[0]
        # the published cells of the relations connected to the target (through unknowns)
        reach, frontier = {target}, [target]
        touched: set[Any] = set()
        while frontier:
            v = frontier.pop()
            for r in relations:
                if v in r and r[v]:
                    for w in r:
                        if w in unknown and w not in reach:
                            reach.add(w)
                            frontier.append(w)
                        elif w not in unknown:
                            touched.add(w)
        candidates = sorted((p for p in pub if p in touched), key=cost)
        if not candidates:  # cannot happen for consistent relations; refuse to publish instead
            candidates = sorted(pub, key=cost)
            if not candidates:
                return chosen
        # the cheapest candidate of the cheapest class (a part before a total) that frees the target
        # alone, else the cheapest (it takes part, more follow)
        same_class = [c for c in candidates[:25] if cost(c)[:2] == cost(candidates[0])[:2]]
        pick = next((c for c in same_class if target not in determined_cells(relations, unknown | {c})),
                    candidates[0])
        unknown.add(pick)
        pub.remove(pick)
        chosen.append(pick)


def _breakdown_relations(cells: dict[tuple, Any], virtual_key) -> tuple[list[dict[Any, float]], set[Any]]:
    """Total = sum of parts in every dimension; missing marginals become virtual unknowns."""
    keys = set(cells)
    frontier = list(keys)
    while frontier:  # close under taking marginals
        k = frontier.pop()
        for i in range(len(k)):
            m = k[:i] + k[i + 1:]
            if m not in keys:
                keys.add(m)
                frontier.append(m)
    var = {k: cells.get(k, virtual_key(k)) for k in keys}
    virtual = {var[k] for k in keys if k not in cells}
    groups: dict[tuple, list[Any]] = {}
    for k in keys:
        dims = tuple(d for d, _c in k)
        for i in range(len(k)):
            groups.setdefault((dims, i, k[:i] + k[i + 1:]), []).append(var[k])
    relations = []
    for (_dims, _i, marginal), parts in groups.items():
        rel: dict[Any, float] = {var[marginal]: 1.0}
        for p in parts:
            rel[p] = rel.get(p, 0.0) - 1.0
        relations.append(rel)
    used = {v for r in relations for v in r}
    return relations, {v for v in virtual if v in used}


def _contributor_relations(cells: list[tuple[Any, frozenset]], min_units: int, virtual_key):
    """Equal, nested-with-few-extra, nearly-equal and disjoint-union contributor sets between ecosystems."""
    relations, sensitive = [], set()
    cells = sorted(cells, key=lambda c: (len(c[1]), str(c[0])))
    for (a, sa), (b, sb) in itertools.combinations(cells, 2):
        if len(sb) - len(sa) >= min_units:
            continue
        diff = len(sa ^ sb)
        if diff == 0:
            relations.append({b: 1.0, a: -1.0})
        elif diff < min_units:
            d = virtual_key(("diff", a, b))
            relations.append({b: 1.0, a: -1.0, d: -1.0})
            sensitive.add(d)
    for p, sp in cells:  # disjoint unions (a parent and its children), greedily
        children = sorted(((c, s) for c, s in cells if c != p and s < sp), key=lambda c: -len(c[1]))
        chosen, covered = [], frozenset()
        for c, s in children:
            if not (s & covered):
                chosen.append(c)
                covered |= s
        rest = len(sp - covered)
        if len(chosen) >= 2 and rest < min_units:
            rel = {p: 1.0, **{c: -1.0 for c in chosen}}
            if rest:
                d = virtual_key(("rest", p))
                rel[d] = -1.0
                sensitive.add(d)
            relations.append(rel)
    return relations, sensitive


def apply_rule(rows: Iterable[dict[str, Any]], rule: DisclosureRule = DEFAULT_RULE) -> list[dict[str, Any]]:
    """Copies of ``rows`` with suppressed values set to None (primary, then secondary suppression).

    Rows need ``ecosystem_id, indicator, year, breakdown, value, confidential, units,
    largest_share`` (and ``top2_share``/``top3_share`` for (2, k)/(3, k) rules). Optional:
    ``contributors`` (a frozenset, for the differencing check between ecosystems) and
    ``states`` (the workspace states a row was current in, default one state).

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
            r.update(suppressed=True, suppression=reason)
    systems: dict[tuple, list[int]] = {}
    for i, r in enumerate(out):
        systems.setdefault((r["indicator"], r["year"]), []).append(i)
    for members in systems.values():
        if not any(out[i]["confidential"] for i in members):
            continue
        relations: list[dict[Any, float]] = []
        virtual: set[Any] = set()
        sensitive: set[Any] = set()
        states = sorted({s for i in members for s in out[i].get("states", (0,))})
        seen: set[frozenset] = set()
        for s in states:
            current = [i for i in members if s in out[i].get("states", (0,))]
            by_eco: dict[str, dict[tuple, int]] = {}
            for i in current:
                by_eco.setdefault(out[i]["ecosystem_id"], {})[parse_breakdown(out[i]["breakdown"])] = i
            for eco, cells in by_eco.items():
                rels, virt = _breakdown_relations(cells, lambda k, eco=eco, s=s: ("marginal", eco, s, k))
                relations += rels
                virtual |= virt
            by_bd: dict[tuple, list[tuple[int, frozenset]]] = {}
            for i in current:
                if out[i].get("contributors") and out[i]["confidential"]:
                    by_bd.setdefault(parse_breakdown(out[i]["breakdown"]), []).append((i, out[i]["contributors"]))
            for bd, cells in by_bd.items():
                key = frozenset(c for c, _s in cells)
                if len(cells) < 2 or (bd, key) in seen:
                    continue
                seen.add((bd, key))
                rels, sens = _contributor_relations(cells, rule.min_units, lambda k, s=s: ("virtual", s, k))
                relations += rels
                virtual |= {v for r in rels for v in r if not isinstance(v, int)}
                sensitive |= sens
        relations = [dict(t) for t in {tuple(sorted(r.items(), key=lambda kv: str(kv[0]))) for r in relations}]
        primary = {i for i in members if out[i]["suppressed"]}
        published = [i for i in members if i not in primary]

        def cost(i: int) -> tuple:
            r = out[i]
            return (r["breakdown"] == "", not r["confidential"], abs(r["value"]), r["ecosystem_id"], r["breakdown"], i)

        for i in _secondary(relations, published, primary, virtual, primary | sensitive, cost):
            out[i].update(suppressed=True, suppression="suppressed to protect another cell (it could be computed "
                                                          "from this one by adding or subtracting)")
    for r in out:
        if r["suppressed"]:
            r["value"] = None
    return out


# --- settings --------------------------------------------------------------------------------

def rule_of(ws: Workspace) -> DisclosureRule:
    vals = dict(ws.rows(Q.RULE_SETTINGS))
    dom = vals.get("disclosure_max_dominance", str(DEFAULT_RULE.max_dominance))
    extra = tuple(parse_dominance(x) for x in (vals.get("disclosure_dominance") or "").split(";") if x.strip())
    return DisclosureRule(min_units=int(vals.get("disclosure_min_units", DEFAULT_RULE.min_units)),
                          max_dominance=None if dom in ("", "none") else float(dom), dominance=extra)


def set_rule(ws: Workspace, rule: DisclosureRule) -> None:
    """Store the rule and recompute what was derived under the old one (the diagnosis), in one transaction."""
    with ws.transaction():
        ws.execute(Q.SET_MIN_UNITS(str(rule.min_units)))
        ws.execute(Q.SET_MAX_DOMINANCE("none" if rule.max_dominance is None else str(rule.max_dominance)))
        ws.execute(Q.SET_DOMINANCE(";".join(f"{n}:{k:g}" for n, k in rule.rules() if n != 1 or rule.max_dominance is None)))
        if ws.scalar(Q.FINDING_COUNT):
            from innovatlas.diagnose import diagnose_all

            diagnose_all(ws)


# --- the one reader --------------------------------------------------------------------------

_CACHE: dict[tuple, list[dict[str, Any]]] = {}


def _judged(ws: Workspace) -> list[dict[str, Any]]:
    """Every imported value ever stored, judged together under the rule in force."""
    key = (str(ws.path), ws.stamp())
    if key in _CACHE:
        return _CACHE[key]
    rows = ws.dicts(Q.JUDGED_INPUTS)
    sets = {sid: frozenset(members) for sid, members in ws.rows(Q.CONTRIBUTOR_SETS)}
    batches = sorted({r["batch_id"] for r in rows})
    for r in rows:
        r["contributors"] = sets.get(r["contributor_set"])
        r["states"] = tuple(b for b in batches if r["batch_id"] <= b and (r["superseded_by"] is None or r["superseded_by"] > b))
    out = apply_rule(rows, rule_of(ws))
    for r in out:
        r.pop("contributors")
        r.pop("states")
        r.pop("contributor_set")
        if r["suppressed"]:  # the cell's composition is itself sensitive once suppressed
            r.update(units=None, largest_share=None, top2_share=None, top3_share=None)
    if len(_CACHE) > 16:
        _CACHE.clear()
    _CACHE[key] = out
    return out


def disclosed_inputs(ws: Workspace, eco_id: str | None = None, *, indicator: str | None = None) -> list[dict[str, Any]]:
    """Current imported/survey values (newest per key), after disclosure control. The only reader."""
    return [{k: v for k, v in r.items() if k not in ("input_id", "batch_id", "superseded_at", "superseded_by")}
            for r in _judged(ws) if r["superseded_at"] is None
            and (eco_id is None or r["ecosystem_id"] == eco_id) and (indicator is None or r["indicator"] == indicator)]


def disclosed_history(ws: Workspace, eco_id: str) -> list[dict[str, Any]]:
    """Every value ever imported for an ecosystem, newest first, judged with the values current beside it."""
    rows = [dict(r) for r in _judged(ws) if r["ecosystem_id"] == eco_id]
    rows.sort(key=lambda r: (r["indicator"], r["year"]))
    rows.sort(key=lambda r: r["imported_at"], reverse=True)
    for r in rows:
        for k in ("input_id", "batch_id", "region", "kind"):
            r.pop(k, None)
    return rows


# --- sums over the records of the framework data (issue 19) ----------------------------------------------------

def disclosed_sums(ws: Workspace, cells: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Sums over records of which some are confidential (facility investments, financing amounts), judged here.

    Each cell has ``ecosystem_id, indicator, year, breakdown`` and ``parts``: ``(unit, value, confidential)``
    per record, where ``unit`` is the contributing unit (the firm or facility). Records that are not
    confidential are published one by one elsewhere, so the confidential part of a sum (the sum minus the
    open records) is what the cell gives away: it is judged as a confidential cell of its own, whose units
    are the distinct confidential contributors and whose shares are theirs, by :func:`apply_rule` with the
    rule in force, all cells together (so differencing between overlapping ecosystems is caught, with the
    contributing units as contributor sets). The returned copies carry ``value`` (None when withheld),
    ``open_part`` (the sum of the open records, a lower bound when the value is withheld), ``suppressed``
    and ``suppression``. Pass every ecosystem's cells of an indicator in one call; sums across years are
    not published (a year could be computed from them), only the cells passed here.
    """
    rule = rule_of(ws)
    conf_rows = []
    out = []
    for i, c in enumerate(cells):
        parts = c["parts"]
        open_part = sum(v for _u, v, k in parts if not k)
        by_unit: dict[Any, float] = {}
        for u, v, k in parts:
            if k:
                by_unit[u] = by_unit.get(u, 0.0) + v
        row = {k: v for k, v in c.items() if k != "parts"}
        row.update(open_part=open_part, value=open_part + sum(by_unit.values()), suppressed=False, suppression=None,
                   confidential_units=len(by_unit))
        out.append(row)
        if by_unit:
            total = sum(by_unit.values())
            top = sorted(by_unit.values(), reverse=True)
            share = (lambda n: (sum(top[:n]) / total) if total else 0.0)
            conf_rows.append({"ecosystem_id": c["ecosystem_id"], "indicator": str(c["indicator"]), "year": c["year"],
                              "breakdown": c.get("breakdown", ""), "value": total, "confidential": True,
                              "units": len(by_unit), "largest_share": share(1), "top2_share": share(2),
                              "top3_share": share(3), "contributors": frozenset(by_unit), "_i": i})
    for r in apply_rule(conf_rows, rule):
        if r["suppressed"]:
            out[r["_i"]].update(value=None, suppressed=True, suppression=r["suppression"])
    return out


def disclosed_records(rows: list[dict[str, Any]], fields: tuple[str, ...]) -> list[dict[str, Any]]:
    """Copies of records with the ``fields`` of confidential ones withheld (a single firm's figure is never
    enough units to publish: one contributor holds all of it)."""
    return [dict(r, **{f: None for f in fields}, withheld=True) if r.get("confidential") else dict(r, withheld=False)
            for r in rows]
