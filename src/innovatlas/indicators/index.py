"""Composite indices defined as data: read a definition, build the index level by level, vary it.

A definition is a table of nodes in the layout of COINr's ``iMeta`` (Becker et al. 2022; the
ASEM example's ``ASEM_iMeta.csv``): one row per indicator, aggregate, group and denominator,
columns ``Level, iCode, iName, Direction, Weight, Unit, Target, Denominator, Parent, Type``.
The same layout is accepted as CSV, as Excel (first sheet, or a sheet called ``definition``) and
as TOML (``[[indicator]]``, ``[[aggregate]]``, ``[[group]]``, ``[[denominator]]`` tables with the
same fields in lower case, ``code``/``name`` for ``iCode``/``iName``, and an optional ``[method]``
table with the fields of :class:`IndexMethod`). Bad input raises
:class:`~innovatlas.errors.InputError` naming the file, the row as a spreadsheet shows it (the
header is row 1; in TOML the entry) and the field, with every problem found at once.

The data are a table with one row per unit: ``uCode`` (required), ``uName`` (optional), the
group columns, the denominator columns and one column per indicator.

:func:`build_index` runs the steps of COINr's ``build_example_coin()`` (``R/examples.R``), each
an option of :class:`IndexMethod`:

1. denominate: an indicator with a ``Denominator`` is divided by that data column;
2. impute: mean or median of the indicator, over all units or within a named group column;
3. screen by data availability, on the raw or the imputed set: a unit with less than
   ``screen_threshold`` of its indicators present is dropped (reported with its share);
4. treat outliers: skew/kurtosis test, winsorise up to ``winmax`` points, else log (see
   :func:`~innovatlas.indicators.composite.treat_outliers`);
5. normalise each indicator (direction applied);
6. aggregate level by level with the definition's weights (arithmetic, geometric, harmonic or
   generalised mean, per level if wished), re-normalising the weights over the children present.

Three definitions differ between innovatlas's defaults and COINr; each is an option here:
distance to target (``target_variant``: ``ratio`` x/target by default, ``coinr`` (x-min)/(target-min)),
the log fallback (``log``: ``log_CT_orig`` ln(x-min+1) by default, ``log_CT`` ln(x-min+0.01(max-min))),
and rank ties (``ties``: ``average`` by default, ``min`` as COINr). :meth:`IndexMethod.coinr` sets
all three to COINr's.

:func:`index_uncertainty` is the Monte Carlo uncertainty analysis of the Handbook (§1.10) on a
whole index: each run draws the treatment (none, or winsorisation with a drawn ``winmax``), the
aggregation and noisy weights at chosen levels, and the index ranks are collected. All runs are
computed together (vectorised over runs), so 1,000 runs on 51 units take well under a second.
"""

from __future__ import annotations

import math
import tomllib
from dataclasses import asdict, dataclass, field, fields, replace
from pathlib import Path
from typing import Any, Sequence

import numpy as np

from innovatlas.errors import InputError
from innovatlas.indicators.composite import (LOG_VARIANTS, TARGET_VARIANTS, TIES, aggregate, availability, denominate,
                                             impute, normalise, rank, treat_outliers)

__all__ = ["Node", "IndexDefinition", "IndexData", "IndexMethod", "IndexResult", "read_definition", "read_index_data",
           "build_index", "index_uncertainty", "TYPES", "COLUMNS"]

TYPES = ("Indicator", "Aggregate", "Group", "Denominator")
COLUMNS = ("Level", "iCode", "iName", "Direction", "Weight", "Unit", "Target", "Denominator", "Parent", "Type")
_ALIASES = {"level": "Level", "icode": "iCode", "code": "iCode", "iname": "iName", "name": "iName",
            "direction": "Direction", "weight": "Weight", "unit": "Unit", "target": "Target",
            "denominator": "Denominator", "parent": "Parent", "type": "Type"}
_TOML_TABLES = {"indicator": "Indicator", "aggregate": "Aggregate", "group": "Group", "denominator": "Denominator"}
AGG_METHODS = ("arithmetic", "geometric", "harmonic", "generalised")
_HINT = ("Use the layout of COINr's iMeta (columns Level, iCode, iName, Direction, Weight, Unit, Target, Denominator, "
         "Parent, Type), as in ../shared/data/coinr-asem-example/ASEM_iMeta.csv.")


@dataclass(frozen=True)
class Node:
    """One row of a definition."""

    code: str
    type: str
    level: int | None = None
    name: str = ""
    parent: str | None = None
    weight: float = 1.0
    direction: int = 1
    unit: str = ""
    target: float | None = None
    denominator: str | None = None
    row: int | None = None  # as the user sees it (spreadsheet row, header = 1; TOML entry number)


@dataclass
class IndexMethod:
    """The choices of an index build. Defaults are innovatlas's; :meth:`coinr` gives COINr's variants.

    ``aggregation`` is one method for every level or a list, one per aggregation step from the
    lowest (indicators into level 2) up. ``p`` is the order of the generalised mean.
    """

    denominate: bool = True
    imputation: str = "mean"            # none | mean | median
    impute_group: str | None = None     # a group column of the data (e.g. EurAsia_group)
    screen_threshold: float | None = None   # minimum share of indicators present, 0..1 (None: no screening)
    screen_on: str = "imputed"          # raw | imputed
    treat: bool = True
    winmax: int | None = 5
    log: str = "log_CT_orig"            # log_CT_orig = ln(x - min + 1) | log_CT = ln(x - min + 0.01 (max - min))
    normalisation: str = "minmax"       # minmax | zscore | rank | prank | borda | target
    minmax_range: tuple[float, float] = (0.0, 100.0)
    ties: str = "average"               # average | min (rank-based normalisations and result ranks)
    target_variant: str = "ratio"       # ratio = x / target | coinr = (x - min) / (target - min)
    aggregation: str | list[str] = "arithmetic"
    p: float | None = None
    aggregate_min_share: float | None = None  # COINr Aggregate(dat_thresh): fewer children present gives missing

    @classmethod
    def coinr(cls, **changes: Any) -> "IndexMethod":
        """COINr's variants of the three definitions that differ (log_CT, ties minimum, n_dist2targ)."""
        return cls(**{"log": "log_CT", "ties": "min", "target_variant": "coinr", **changes})

    def check(self) -> None:
        def bad(what: str, value: Any, allowed: Sequence) -> None:
            raise InputError(f"unknown {what} '{value}'", field=what, hint=f"choose from {', '.join(map(str, allowed))}")

        if self.imputation not in ("none", "mean", "median"):
            bad("imputation", self.imputation, ("none", "mean", "median"))
        if self.screen_on not in ("raw", "imputed"):
            bad("screen_on", self.screen_on, ("raw", "imputed"))
        if self.log not in LOG_VARIANTS:
            bad("log", self.log, LOG_VARIANTS)
        if self.ties not in TIES:
            bad("ties", self.ties, TIES)
        if self.target_variant not in TARGET_VARIANTS:
            bad("target_variant", self.target_variant, TARGET_VARIANTS)
        if self.normalisation not in ("minmax", "zscore", "rank", "prank", "borda", "target"):
            bad("normalisation", self.normalisation, ("minmax", "zscore", "rank", "prank", "borda", "target"))
        for a in ([self.aggregation] if isinstance(self.aggregation, str) else self.aggregation):
            if a not in AGG_METHODS:
                bad("aggregation", a, AGG_METHODS)
        if self.screen_threshold is not None and not 0 <= self.screen_threshold <= 1:
            raise InputError(f"screen threshold {self.screen_threshold} is not a share", field="screen_threshold",
                             hint="give a share between 0 and 1, e.g. 0.9 for 90% of the indicators present")

    def describe(self) -> str:
        aggs = self.aggregation if isinstance(self.aggregation, str) else ", ".join(self.aggregation)
        parts = [("denominated; " if self.denominate else "")
                 + (f"imputed by the {self.imputation}" + (f" within {self.impute_group}" if self.impute_group else "")
                    if self.imputation != "none" else "not imputed"),
                 (f"units with less than {self.screen_threshold:.0%} of their indicators on the {self.screen_on} set dropped"
                  if self.screen_threshold else "no screening"),
                 (f"outliers (|skew| >= 2 and kurtosis >= 3.5) winsorised up to {self.winmax} points, else "
                  + {"log_CT_orig": "ln(x - min + 1)", "log_CT": "ln(x - min + 0.01 (max - min))"}[self.log]
                  if self.treat else "no outlier treatment"),
                 f"{self.normalisation} normalisation" + (f" [{self.minmax_range[0]:g}, {self.minmax_range[1]:g}]"
                                                          if self.normalisation == "minmax" else ""),
                 f"{aggs} mean" + (f" (p = {self.p:g})" if self.p is not None else "")
                 + ", weights re-normalised over the values present",
                 f"rank ties: {self.ties}"]
        return "; ".join(parts)


@dataclass
class IndexDefinition:
    """The nodes of an index, checked: a tree of indicators (level 1) and aggregates up to one top."""

    nodes: list[Node]
    file: str = ""
    method: IndexMethod | None = None  # from a TOML [method] table

    def __post_init__(self) -> None:
        self.by_code = {n.code: n for n in self.nodes}

    @property
    def indicators(self) -> list[Node]:
        return [n for n in self.nodes if n.type == "Indicator"]

    @property
    def aggregates(self) -> list[Node]:
        return [n for n in self.nodes if n.type == "Aggregate"]

    @property
    def groups(self) -> list[str]:
        return [n.code for n in self.nodes if n.type == "Group"]

    @property
    def denominators(self) -> list[str]:
        return [n.code for n in self.nodes if n.type == "Denominator"]

    @property
    def levels(self) -> list[int]:
        return sorted({n.level for n in self.nodes if n.type in ("Indicator", "Aggregate")})

    @property
    def top(self) -> str:
        return next(n.code for n in self.aggregates if n.parent is None)

    def children(self, code: str) -> list[Node]:
        return [n for n in self.nodes if n.parent == code and n.type in ("Indicator", "Aggregate")]

    def at_level(self, level: int) -> list[Node]:
        return [n for n in self.nodes if n.level == level and n.type in ("Indicator", "Aggregate")]


@dataclass
class IndexData:
    """Units in rows: indicator values, denominators and group labels, read from the data file."""

    units: list[str]
    names: list[str]
    values: np.ndarray          # units x indicators, in definition order
    indicators: list[str]
    denominators: dict[str, np.ndarray]
    groups: dict[str, np.ndarray]
    file: str = ""


# --------------------------------------------------------------------------- reading


def _blank(v: Any) -> bool:
    return v is None or (isinstance(v, float) and math.isnan(v)) or (isinstance(v, str) and not v.strip())


def _records_from_table(path: Path) -> list[tuple[int, dict[str, Any]]]:
    import pandas as pd

    suffix = path.suffix.lower()
    try:
        if suffix in (".xlsx", ".xlsm"):
            sheets = pd.ExcelFile(path).sheet_names
            sheet = "definition" if "definition" in sheets else sheets[0]
            df = pd.read_excel(path, sheet_name=sheet, dtype=object)
        else:
            df = pd.read_csv(path, dtype=str, keep_default_na=False, skipinitialspace=True)
    except (OSError, ValueError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot read the definition: {exc}", file=str(path), hint=_HINT) from exc
    cols = {}
    for c in df.columns:
        key = _ALIASES.get(str(c).strip().lower())
        if key:
            cols[c] = key
    if "iCode" not in cols.values():
        raise InputError("the definition has no iCode column", file=str(path), row=1, field="iCode", hint=_HINT)
    df = df[list(cols)].rename(columns=cols)
    out = []
    for i, rec in enumerate(df.to_dict("records")):
        rec = {k: (None if _blank(v) else (v.strip() if isinstance(v, str) else v)) for k, v in rec.items()}
        if all(v is None for v in rec.values()):
            continue
        out.append((i + 2, rec))  # the header is row 1
    return out


def _records_from_toml(path: Path) -> tuple[list[tuple[int, dict[str, Any]]], dict | None]:
    try:
        doc = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise InputError(f"cannot read the TOML definition: {exc}", file=str(path),
                         hint="Check the TOML syntax; see the module innovatlas.indicators.index for the layout.") from exc
    out = []
    for table, typ in _TOML_TABLES.items():
        entries = doc.get(table, [])
        if isinstance(entries, dict):
            entries = [entries]
        for k, entry in enumerate(entries, start=1):
            rec = {_ALIASES.get(str(key).lower(), key): val for key, val in entry.items()}
            rec.setdefault("Type", typ)
            rec["_where"] = f"[[{table}]] entry {k}"
            out.append((k, rec))
    return out, doc.get("method")


def _num(v: Any) -> float | None:
    if v is None:
        return None
    if isinstance(v, (int, float)) and not isinstance(v, bool):
        return float(v)
    s = str(v).strip().replace(",", ".") if str(v).count(",") == 1 and "." not in str(v) else str(v).strip()
    return float(s)


def read_definition(path: str | Path) -> IndexDefinition:
    """Read an index definition (CSV, Excel or TOML; see the module docstring) and check it whole."""
    path = Path(path)
    if not path.exists():
        raise InputError("the definition file does not exist", file=str(path), hint="Give the path of a CSV, Excel or TOML file.")
    method_table = None
    if path.suffix.lower() == ".toml":
        records, method_table = _records_from_toml(path)
        toml = True
    else:
        records = _records_from_table(path)
        toml = False
    problems: list[InputError] = []

    def bad(row: int, rec: dict, fieldname: str | None, problem: str, hint: str = _HINT) -> None:
        if toml:
            problems.append(InputError(f"{rec.get('_where')}: {problem}", file=str(path), field=fieldname, hint=hint))
        else:
            problems.append(InputError(problem, file=str(path), row=row, field=fieldname, hint=hint))

    nodes: list[Node] = []
    seen: dict[str, int] = {}
    for row, rec in records:
        code = rec.get("iCode")
        if code is None:
            bad(row, rec, "iCode", "no code: every row needs an iCode")
            continue
        code = str(code).strip()
        if code in seen:
            bad(row, rec, "iCode", f"'{code}' is defined twice (first in row {seen[code]})",
                "Give every indicator, aggregate, group and denominator its own code.")
            continue
        seen[code] = row
        level = None
        if rec.get("Level") is not None:
            try:
                lv = _num(rec["Level"])
                if lv is None or lv != int(lv) or lv < 1:
                    raise ValueError
                level = int(lv)
            except (TypeError, ValueError):
                bad(row, rec, "Level", f"level '{rec['Level']}' of '{code}' is not a whole number from 1 up",
                    "Level 1 = indicator, 2 = its aggregate (pillar), and so on up to the index.")
                continue
        typ = rec.get("Type")
        if typ is None:
            typ = "Indicator" if level == 1 else "Aggregate" if level else None
            if typ is None:
                bad(row, rec, "Type", f"'{code}' has neither a Level nor a Type",
                    f"Give Type (one of {', '.join(TYPES)}) or a Level.")
                continue
        typ = {t.lower(): t for t in TYPES}.get(str(typ).strip().lower())
        if typ is None:
            bad(row, rec, "Type", f"type '{rec.get('Type')}' of '{code}' is not known", f"Use one of {', '.join(TYPES)}.")
            continue
        if typ in ("Indicator", "Aggregate") and level is None:
            bad(row, rec, "Level", f"{typ.lower()} '{code}' has no level",
                "Level 1 = indicator, 2 = its aggregate (pillar), and so on up to the index.")
            continue
        if typ == "Indicator" and level != 1:
            bad(row, rec, "Level", f"indicator '{code}' is at level {level}; indicators are at level 1",
                "Put indicators at level 1 and aggregates at 2 and up.")
            continue
        if typ == "Aggregate" and level == 1:
            bad(row, rec, "Level", f"aggregate '{code}' is at level 1, the level of indicators",
                "Aggregates are at level 2 and up.")
            continue
        vals: dict[str, Any] = {}
        ok = True
        for fld, default in (("Weight", 1.0), ("Direction", 1.0), ("Target", None)):
            if typ not in ("Indicator", "Aggregate"):
                vals[fld] = default
                continue
            try:
                v = _num(rec.get(fld))
            except (TypeError, ValueError):
                bad(row, rec, fld, f"{fld.lower()} '{rec.get(fld)}' of '{code}' is not a number",
                    {"Weight": "Give a weight of 0 or more (weights are relative within their parent).",
                     "Direction": "Give 1 (higher is better) or -1 (lower is better).",
                     "Target": "Give the target as a number, or leave it empty."}[fld])
                ok = False
                continue
            vals[fld] = default if v is None or math.isnan(v) else v
        if not ok:
            continue
        if vals["Direction"] not in (1.0, -1.0):
            bad(row, rec, "Direction", f"direction {vals['Direction']:g} of '{code}' is neither 1 nor -1",
                "Give 1 (higher is better) or -1 (lower is better).")
            continue
        if vals["Weight"] < 0 or not math.isfinite(vals["Weight"]):
            bad(row, rec, "Weight", f"weight {vals['Weight']:g} of '{code}' is negative",
                "Give a weight of 0 or more (weights are relative within their parent).")
            continue
        parent = rec.get("Parent")
        nodes.append(Node(code=code, type=typ, level=level if typ in ("Indicator", "Aggregate") else None,
                          name=str(rec.get("iName") or code), parent=None if parent is None else str(parent).strip(),
                          weight=vals["Weight"], direction=int(vals["Direction"]), unit=str(rec.get("Unit") or ""),
                          target=vals["Target"], denominator=None if rec.get("Denominator") is None
                          else str(rec["Denominator"]).strip(), row=row))
    # the tree
    by = {n.code: n for n in nodes}
    tops = [n for n in nodes if n.type == "Aggregate" and n.parent is None]
    max_level = max((n.level for n in nodes if n.level), default=0)
    for n in nodes:
        rec = {"_where": f"{n.code}"}
        if n.type not in ("Indicator", "Aggregate"):
            continue
        if n.parent is None:
            if n.type == "Indicator":
                bad(n.row, rec, "Parent", f"indicator '{n.code}' has no parent", "Name the aggregate (pillar) it belongs to.")
            elif n.level != max_level:
                bad(n.row, rec, "Parent", f"aggregate '{n.code}' at level {n.level} has no parent, but the index is at level {max_level}",
                    "Name the aggregate one level up that it belongs to.")
            continue
        p = by.get(n.parent)
        if p is None or p.type != "Aggregate":
            bad(n.row, rec, "Parent", f"parent '{n.parent}' of '{n.code}' is not an aggregate of the definition",
                "Name an aggregate defined in the same file (check the spelling, codes are case-sensitive).")
        elif p.level != n.level + 1:
            bad(n.row, rec, "Parent", f"parent '{n.parent}' of '{n.code}' is at level {p.level}, not {n.level + 1}",
                "A node's parent is exactly one level up.")
        if n.denominator is not None and n.type == "Indicator" and by.get(n.denominator, Node("", "")).type != "Denominator":
            bad(n.row, rec, "Denominator", f"denominator '{n.denominator}' of '{n.code}' is not a Denominator row",
                "Add a row with that code and Type Denominator (its values are a column of the data file).")
    if problems:
        raise InputError.several(problems)
    if not nodes or not any(n.type == "Indicator" for n in nodes):
        raise InputError("the definition has no indicators", file=str(path), hint=_HINT)
    if len(tops) != 1:
        raise InputError(f"the definition has {len(tops)} top aggregates ({', '.join(n.code for n in tops) or 'none'}); "
                         "an index has exactly one", file=str(path), field="Parent",
                         hint="Give every aggregate but the index a Parent.")
    for a in nodes:
        if a.type == "Aggregate" and not any(n.parent == a.code for n in nodes):
            problems.append(InputError(f"aggregate '{a.code}' has no children", file=str(path),
                                       row=None if toml else a.row, field="iCode",
                                       hint="Give it indicators or aggregates (Parent = its code), or remove it."))
    if problems:
        raise InputError.several(problems)
    method = None
    if method_table is not None:
        known = {f.name for f in fields(IndexMethod)}
        unknown = sorted(set(method_table) - known)
        if unknown:
            raise InputError(f"unknown field(s) in [method]: {', '.join(unknown)}", file=str(path), field=unknown[0],
                             hint=f"Known fields: {', '.join(sorted(known))}.")
        mt = dict(method_table)
        if "minmax_range" in mt:
            mt["minmax_range"] = tuple(mt["minmax_range"])
        method = IndexMethod(**mt)
        try:
            method.check()
        except InputError as exc:
            raise InputError(f"[method]: {exc.problem}", file=str(path), field=exc.field, hint=exc.hint) from None
    return IndexDefinition(nodes, file=str(path), method=method)


def read_index_data(path: str | Path, definition: IndexDefinition) -> IndexData:
    """Read the units' data (CSV or Excel; one row per unit, ``uCode`` plus the definition's columns)."""
    import pandas as pd

    path = Path(path)
    if not path.exists():
        raise InputError("the data file does not exist", file=str(path), hint="Give the path of a CSV or Excel file.")
    try:
        if path.suffix.lower() in (".xlsx", ".xlsm"):
            df = pd.read_excel(path, dtype=object)
        else:
            df = pd.read_csv(path, dtype=str, keep_default_na=False)
    except (OSError, ValueError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot read the data: {exc}", file=str(path)) from exc
    df.columns = [str(c).strip() for c in df.columns]
    problems: list[InputError] = []
    if "uCode" not in df.columns:
        raise InputError("the data have no uCode column (the unit codes)", file=str(path), row=1, field="uCode",
                         hint="Put the unit codes (e.g. country or ecosystem codes) in a column called uCode.")
    codes = [None if _blank(v) else str(v).strip() for v in df["uCode"]]
    seen: dict[str, int] = {}
    for i, c in enumerate(codes):
        if c is None:
            problems.append(InputError("no unit code", file=str(path), row=i + 2, field="uCode",
                                       hint="Give every row a unit code."))
        elif c in seen:
            problems.append(InputError(f"unit '{c}' appears twice (first in row {seen[c]})", file=str(path), row=i + 2,
                                       field="uCode", hint="Give each unit one row."))
        else:
            seen[c] = i + 2
    needed = [n.code for n in definition.indicators] + definition.denominators
    missing = [c for c in needed if c not in df.columns]
    for c in missing:
        kind = "indicator" if c in definition.by_code and definition.by_code[c].type == "Indicator" else "denominator"
        problems.append(InputError(f"the {kind} '{c}' of the definition has no column in the data", file=str(path), row=1,
                                   field=c, hint=f"Add a column '{c}' (codes are case-sensitive) or remove it from the definition."))

    def numeric(col: str) -> np.ndarray:
        raw = df[col].tolist()
        out = np.full(len(raw), np.nan)
        for i, v in enumerate(raw):  # validation only: one pass to name each bad cell; the maths is vectorised
            if _blank(v) or (isinstance(v, str) and v.strip().upper() in ("NA", "NAN")):
                continue
            try:
                x = _num(v)
            except (TypeError, ValueError):
                problems.append(InputError(f"'{v}' is not a number", file=str(path), row=i + 2, field=col,
                                           hint="Give a number (decimal point or comma), or leave the cell empty when "
                                                "the value is not in the data."))
                continue
            out[i] = x
        return out

    cols = [numeric(n.code) for n in definition.indicators if n.code in df.columns]  # checks every cell
    values = np.column_stack(cols) if cols else np.zeros((len(df), 0))
    dens = {d: numeric(d) for d in definition.denominators if d in df.columns}
    groups = {g: np.array([None if _blank(v) else str(v).strip() for v in df[g]], dtype=object)
              for g in definition.groups if g in df.columns}
    if problems:
        raise InputError.several(problems[:50], total=len(problems))
    names = [str(v) if not _blank(v) else c for v, c in zip(df["uName"] if "uName" in df.columns else codes, codes)]
    return IndexData(units=codes, names=names, values=values, indicators=[n.code for n in definition.indicators],
                     denominators=dens, groups=groups, file=str(path))


# --------------------------------------------------------------------------- building


@dataclass
class IndexResult:
    """Scores of every node (normalised indicators and aggregates), ranks, and what each step did."""

    units: list[str]
    names: list[str]
    scores: dict[str, np.ndarray]
    ranks: dict[str, np.ndarray]
    definition: IndexDefinition
    method: IndexMethod
    dropped: list[dict[str, Any]] = field(default_factory=list)
    treatment: dict[str, str] = field(default_factory=dict)
    imputed: dict[str, int] = field(default_factory=dict)
    denominated: dict[str, str] = field(default_factory=dict)

    @property
    def top(self) -> str:
        return self.definition.top

    def aggregate_codes(self) -> list[str]:
        """Aggregates from the top level down, in definition order within a level."""
        return [n.code for lv in reversed(self.definition.levels) for n in self.definition.at_level(lv) if lv > 1]

    def table(self, codes: Sequence[str] | None = None) -> list[dict[str, Any]]:
        """Rows sorted by the top rank (then unit code), like COINr's ``get_results(tab_type = "Aggs")``."""
        codes = list(codes or self.aggregate_codes())
        order = sorted(range(len(self.units)), key=lambda i: (self.ranks[self.top][i], self.units[i]))
        return [{"unit": self.units[i], "name": self.names[i], "rank": float(self.ranks[self.top][i]),
                 **{c: (None if not np.isfinite(self.scores[c][i]) else float(self.scores[c][i])) for c in codes}}
                for i in order]

    def to_dict(self) -> dict[str, Any]:
        d = self.definition
        return {"index": self.top, "method": asdict(self.method), "method_text": self.method.describe(),
                "levels": {str(lv): [n.code for n in d.at_level(lv)] for lv in d.levels},
                "results": self.table(), "ranks": {c: [float(r) for r in self.ranks[c]] for c in self.aggregate_codes()},
                "units": self.units, "dropped": self.dropped, "treatment": self.treatment, "imputed": self.imputed,
                "denominated": self.denominated}


def _prepare(definition: IndexDefinition, data: IndexData, method: IndexMethod):
    """Steps 1-3: denominate, impute, screen. Returns (matrix, kept unit indices, dropped, imputed, denominated)."""
    X = data.values.astype(float).copy()
    inds = definition.indicators
    denominated: dict[str, str] = {}
    if method.denominate:
        for j, n in enumerate(inds):
            if n.denominator:
                X[:, j] = denominate(X[:, j], data.denominators[n.denominator])
                denominated[n.code] = n.denominator
    keep = np.arange(len(data.units))
    dropped: list[dict[str, Any]] = []

    def do_screen(M: np.ndarray, on: str) -> np.ndarray:
        share = availability(M)
        ok = share >= method.screen_threshold
        for i in np.flatnonzero(~ok):
            dropped.append({"unit": data.units[keep[i]], "name": data.names[keep[i]], "availability": float(share[i]),
                            "threshold": method.screen_threshold, "on": on,
                            "reason": f"{share[i]:.0%} of its {M.shape[1]} indicators present on the {on} set, "
                                      f"less than the {method.screen_threshold:.0%} required"})
        return ok

    if method.screen_threshold is not None and method.screen_on == "raw":
        ok = do_screen(X, "raw")
        X, keep = X[ok], keep[ok]
    if method.impute_group and method.impute_group not in data.groups:
        raise InputError(f"no group column '{method.impute_group}' to impute within", file=data.file, field=method.impute_group,
                         hint=f"Name a Group of the definition that is a column of the data: {', '.join(data.groups) or '(none)'}.")
    before = np.isnan(X)
    X = impute(X, method.imputation, groups=data.groups[method.impute_group][keep] if method.impute_group else None)
    imputed = {n.code: int((before[:, j] & ~np.isnan(X[:, j])).sum()) for j, n in enumerate(inds)
               if (before[:, j] & ~np.isnan(X[:, j])).any()}
    if method.screen_threshold is not None and method.screen_on == "imputed":
        ok = do_screen(X, "imputed")
        X, keep = X[ok], keep[ok]
    return X, keep, dropped, imputed, denominated


def _treat(X: np.ndarray, codes: Sequence[str], winmax: int | None, log: str) -> tuple[np.ndarray, dict[str, str]]:
    T = X.copy()
    how: dict[str, str] = {}
    for j, c in enumerate(codes):  # over indicators (columns), each vectorised
        if (~np.isnan(X[:, j])).sum() >= 4:
            T[:, j], h = treat_outliers(X[:, j], winmax, log)
            if h != "none":
                how[c] = h
    return T, how


def _normalise_all(T: np.ndarray, inds: Sequence[Node], method: IndexMethod) -> np.ndarray:
    lo, hi = method.minmax_range
    cols = []
    for j, n in enumerate(inds):
        if method.normalisation == "target" and n.target is None:
            raise InputError(f"indicator '{n.code}' has no target for distance-to-target normalisation", row=n.row,
                             field="Target", hint="Give every indicator a Target, or choose another normalisation.")
        cols.append(normalise(T[:, j], method.normalisation, direction=n.direction, scale=hi, lower=lo, ties=method.ties,
                              target=n.target, target_variant=method.target_variant))
    return np.column_stack(cols)


def _agg_methods(definition: IndexDefinition, method: IndexMethod) -> list[str]:
    steps = len(definition.levels) - 1
    if isinstance(method.aggregation, str):
        return [method.aggregation] * steps
    if len(method.aggregation) != steps:
        raise InputError(f"{len(method.aggregation)} aggregation methods given for {steps} aggregation steps",
                         field="aggregation", hint="Give one method, or one per level from the pillars up.")
    return list(method.aggregation)


def build_index(definition: IndexDefinition, data: IndexData, method: IndexMethod | None = None) -> IndexResult:
    """Build the whole index (steps in the module docstring); the definition's [method] is used if none is given."""
    method = method or definition.method or IndexMethod()
    method.check()
    inds = definition.indicators
    X, keep, dropped, imputed, denominated = _prepare(definition, data, method)
    if method.treat:
        T, treatment = _treat(X, [n.code for n in inds], method.winmax, method.log)
    else:
        T, treatment = X, {}
    N = _normalise_all(T, inds, method)
    scores: dict[str, np.ndarray] = {n.code: N[:, j] for j, n in enumerate(inds)}
    for step, lv in zip(_agg_methods(definition, method), definition.levels[1:]):
        for a in definition.at_level(lv):
            kids = definition.children(a.code)
            C = np.column_stack([scores[k.code] for k in kids])
            try:
                s = aggregate(C, [k.weight for k in kids], step, p=method.p)
            except ValueError as exc:
                raise InputError(f"cannot aggregate '{a.code}': {exc}", field="aggregation",
                                 hint="Give p, the order of the generalised mean." if "order p" in str(exc) else
                                 "Normalise to [1, 100] (minmax_range) before a geometric, harmonic or generalised mean."
                                 ) from exc
            if method.aggregate_min_share is not None:
                s = np.where((~np.isnan(C)).mean(axis=1) < method.aggregate_min_share, np.nan, s)
            scores[a.code] = s
    ranks = {c: rank(v, method.ties, descending=True) for c, v in scores.items()}
    return IndexResult(units=[data.units[i] for i in keep], names=[data.names[i] for i in keep], scores=scores,
                       ranks=ranks, definition=definition, method=method, dropped=dropped, treatment=treatment,
                       imputed=imputed, denominated=denominated)


# --------------------------------------------------------------------------- uncertainty


def _tree_matrices(definition: IndexDefinition):
    """Per aggregation step: the child codes, parent codes and a 0/1 membership matrix (children x parents)."""
    steps = []
    prev = [n.code for n in definition.indicators]
    for lv in definition.levels[1:]:
        parents = [a.code for a in definition.at_level(lv)]
        G = np.zeros((len(prev), len(parents)))
        for j, c in enumerate(prev):
            G[j, parents.index(definition.by_code[c].parent)] = 1.0
        steps.append((prev, parents, G))
        prev = parents
    return steps


def _batch_scores(N: np.ndarray, W: dict[str, np.ndarray], steps, how: str) -> np.ndarray:
    """Top scores for R runs at once. ``N`` units x indicators (> 0 for geometric/harmonic), ``W[code]`` the
    R weights of each node. The three means are quasi-arithmetic (f = x, ln x, 1/x): a mean of means is the
    mean in f-space, so all levels are weighted sums of f-values, re-normalised over what is present."""
    f, finv = {"arithmetic": (lambda v: v, lambda v: v), "geometric": (np.log, np.exp),
               "harmonic": (lambda v: 1 / v, lambda v: 1 / v)}[how]
    V = f(N)[None]                                  # 1 x units x children
    for prev, parents, G in steps:
        w = np.column_stack([W[c] for c in prev])   # R x children
        P = ~np.isnan(V)
        num = np.matmul(np.where(P, V, 0.0), w[:, :, None] * G[None])   # R x units x parents
        den = np.matmul(P.astype(float), w[:, :, None] * G[None])
        with np.errstate(invalid="ignore", divide="ignore"):
            V = np.where(den > 0, num / den, np.nan)
    return finv(V[:, :, 0])


def index_uncertainty(definition: IndexDefinition, data: IndexData, method: IndexMethod | None = None, *,
                      runs: int = 1000, seed: int = 42, weight_noise: float = 0.25, noise_levels: Sequence[int] = (2, 3),
                      winmax_choices: Sequence[int | None] = (1, 2, 3, 4, 5), treat_off: bool = True,
                      aggregations: Sequence[str] = ("arithmetic", "geometric")) -> dict[str, Any]:
    """Monte Carlo rank intervals of the top index (Handbook §1.10; COINr ``get_sensitivity(SA_type = "UA")``).

    Each run draws, independently and uniformly: the outlier treatment (no treatment if ``treat_off``,
    else winsorisation with a ``winmax`` from ``winmax_choices``, then the method's log fallback), the
    aggregation (one method for all levels, from ``aggregations``), and the weight of every node at
    ``noise_levels`` multiplied by U(1 - noise, 1 + noise) (COINr ``get_noisy_weights`` with
    ``NoiseFactor = 0.25`` at levels 2 and 3, as in its sensitivity vignette). Normalisation is the
    method's, on [1, 100] so that geometric and harmonic means are defined (ranks of the arithmetic mean
    do not change under that rescaling). Denomination, imputation and screening are the method's.

    Returns per unit the nominal rank (the method as given), median rank, 5th and 95th percentile rank,
    and the ranks of every run (runs x units); rank 1 = highest, ties by ``method.ties``.
    """
    from scipy.stats import rankdata

    method = method or definition.method or IndexMethod()
    method.check()
    inds = definition.indicators
    X, keep, dropped, _, _ = _prepare(definition, data, method)
    mc_method = replace(method, minmax_range=(1.0, 100.0) if method.normalisation == "minmax" else method.minmax_range)
    variants: list[tuple[str, np.ndarray]] = []
    if treat_off:
        variants.append(("none", _normalise_all(X, inds, mc_method)))
    for wm in winmax_choices:
        variants.append((f"winmax {wm}", _normalise_all(_treat(X, [n.code for n in inds], wm, method.log)[0], inds, mc_method)))
    for how in aggregations:
        if how not in ("arithmetic", "geometric", "harmonic"):
            raise InputError(f"aggregation '{how}' cannot be drawn in the uncertainty analysis", field="aggregations",
                             hint="Use arithmetic, geometric or harmonic.")
        if how != "arithmetic" and min(np.nanmin(N) for _, N in variants) <= 0:
            raise InputError(f"the {how} mean needs positive normalised values", field="normalisation",
                             hint="Use minmax normalisation (rescaled to [1, 100] here) for geometric or harmonic means.")
    rng = np.random.default_rng(seed)
    v_draw = rng.integers(len(variants), size=runs)
    a_draw = rng.integers(len(aggregations), size=runs)
    W = {}
    for n in definition.nodes:
        if n.type in ("Indicator", "Aggregate"):
            noise = rng.uniform(1 - weight_noise, 1 + weight_noise, size=runs) if n.level in noise_levels else np.ones(runs)
            W[n.code] = n.weight * noise
    steps = _tree_matrices(definition)
    scores = np.full((runs, len(keep)), np.nan)
    for v, (_, N) in enumerate(variants):
        for a, how in enumerate(aggregations):
            sel = np.flatnonzero((v_draw == v) & (a_draw == a))
            if sel.size:
                scores[sel] = _batch_scores(N, {c: w[sel] for c, w in W.items()}, steps, how)
    ranks = rankdata(np.where(np.isnan(scores), np.inf, -scores), method=method.ties, axis=1)
    nominal = build_index(definition, data, method)
    return {"units": [data.units[i] for i in keep], "nominal_rank": nominal.ranks[definition.top],
            "median_rank": np.median(ranks, axis=0), "p05": np.percentile(ranks, 5, axis=0),
            "p95": np.percentile(ranks, 95, axis=0), "ranks": ranks, "runs": runs,
            "drawn": {"treatment": [name for name, _ in variants], "aggregation": list(aggregations),
                      "weight_noise": weight_noise, "noise_levels": list(noise_levels)},
            "dropped": dropped}
