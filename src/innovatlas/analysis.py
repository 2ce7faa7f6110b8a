"""Service functions shared by the CLI, the report and (later) the web app.

``analyse`` delineates every defined ecosystem, computes the indicators and the networks
and stores them, all in one transaction. The read functions (``summary``, ``overlaps``,
...) only query what ``analyse`` stored.
"""

from __future__ import annotations

import json
import time
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np

from innovatlas.errors import UnknownEcosystem, WorkspaceError
from innovatlas.store.memo import by_stamp
from innovatlas.indicators import compute_all, compute_signals
from innovatlas.model.ecosystem import EcosystemSet, parse_definitions, read_definitions
from innovatlas.network import compute_networks
from innovatlas.store import Workspace
from innovatlas.store.engines import DuckDBEngine, Engine, SparkEngine, open_engine
from innovatlas.store.queries import analysis as A
from innovatlas.store.queries import delineation as D

__all__ = ["demo_definitions", "load_definitions", "delineate", "analyse", "summary", "overlaps", "headlines",
           "ecosystems", "placement", "ACTIVITY_TYPES", "coverage_periods", "data_end", "partial_years", "partial_note",
           "ecosystem_coverage", "store_coverage"]

ACTIVITY_TYPES = ("HES", "REC", "PRC", "PUB", "OTH")


def demo_definitions() -> EcosystemSet:
    """The national, thirteen knowledge-city and thematic ecosystems shipped with innovatlas."""
    import tomllib

    text = resources.files("innovatlas").joinpath("data/demo_ecosystems.toml").read_text(encoding="utf-8")
    return parse_definitions(tomllib.loads(text), origin="demo_ecosystems.toml")


def load_definitions(path: str | Path | None = None, *, with_demo: bool = True) -> EcosystemSet:
    base = demo_definitions() if with_demo else None
    if path is None:
        if base is None:
            raise WorkspaceError("no ecosystem definitions given")
        return base
    return read_definitions(path, base=base)


def delineate(ws: Workspace, ecoset: EcosystemSet, engine: Engine | None = None, unit: str | None = None,
              *, units_built: bool = False) -> None:
    """Store definitions and materialise members, projects and in-scope participations of every ecosystem.

    The definitions go into the workspace; the set-based steps run on ``engine`` (the workspace's
    DuckDB by default). ``scope`` is built so that no plan can pair members with projects on the
    ecosystem alone (issue 20; see :func:`innovatlas.store.queries.delineation.scope_statements`).
    """
    eng = engine or DuckDBEngine(ws)
    with ws.transaction():
        if isinstance(eng, DuckDBEngine) and not units_built:  # the unit every count is in (Spark reads the table analyse derived)
            from innovatlas.registry.units import build_units, stored_unit

            build_units(ws, unit or (stored_unit(ws) if ws.scalar(A.HAS_STORED_UNIT) else None))
        ws.execute(D.CLEAR_ECOSYSTEMS)
        for table in ("ecosystem_member", "ecosystem_project", "scope"):
            eng.clear(table)
        from innovatlas.connect.regions import resolve_selector

        selectors = []
        for pos, eco in enumerate(ecoset):
            ws.execute(D.STORE_ECOSYSTEM(eco.id, eco.name_en, eco.name_nl, eco.kind.value, eco.parent,
                                         eco.description, eco.model_dump_json(), pos))
            selectors.append((eco.id, resolve_selector(ws, eco.select)))  # city regions -> municipality codes
        eng.create("_scope", D.scope_union(selectors))  # one statement for all ecosystems
        eng.insert("ecosystem_member", D.MEMBERS())
        eng.insert("ecosystem_project", D.PROJECTS())
        eng.drop("_scope")
        eng.create("_member_part", D.MEMBER_PARTICIPATIONS())
        eng.insert("scope", D.SCOPE())
        eng.drop("_member_part")


ENGINES = ("duckdb", "spark")


def analyse(ws: Workspace, ecoset: EcosystemSet, *, weight: str = "projects", progress=None,
            diagnose: bool = True, engine: str = "duckdb", spark_master: str | None = None,
            spark_input: str | Path | None = None, unit: str | None = None) -> dict[str, Any]:
    """Delineate, compute indicators and networks, then signals and the diagnosis; all or nothing.

    ``engine="spark"`` runs every relational step (delineation, indicators, edge lists, signals)
    on Spark (``spark_master``: ``local[2]``, ``spark://host:7077`` or ``sc://host:15002``) over
    the workspace's input tables exported to Parquet (or the Parquet files in ``spark_input``),
    and writes the results back into the workspace, so every reader works unchanged. The graph
    algorithms run in igraph on the aggregated edge list either way. ``diagnose=False`` stops
    after the networks (the spine benchmark times that part alone). ``unit`` is what every count counts:
    ``organisation`` (the default: registered organisations, PICs of one organisation joined), ``parent``
    (rolled up to the ROR parent) or ``pic`` (see :mod:`innovatlas.registry.units`). Returns timings per step.
    """
    from innovatlas.registry.units import build_units, check_unit

    unit = check_unit(unit)
    if not ws.scalar(A.HAS_PARTICIPATIONS):
        raise WorkspaceError(f"workspace {ws.path} holds no participations yet. Import CORDIS data first: "
                             "'innovatlas import cordis FILE'.")
    if weight not in ("projects", "fractional"):
        raise WorkspaceError(f"unknown edge weight '{weight}': use 'projects' or 'fractional'")
    if engine not in ENGINES:
        raise WorkspaceError(f"unknown engine '{engine}': use duckdb (the default) or spark")
    say = progress or (lambda _m: None)
    timings: dict[str, Any] = {"engine": engine}

    def step(name, fn, *args, **kw):
        t = time.perf_counter()
        out = fn(*args, **kw)
        timings[name] = time.perf_counter() - t
        return out

    with ws.transaction():
        say("delineating ecosystems")
        store_coverage(ws)  # the data end of every source: partial years stay out of signals and verdicts
        timings["unit"] = unit
        build_units(ws, unit)  # before the engine starts: Spark reads analysis_unit as one of its inputs
        eng = step("start engine", open_engine, ws, engine, master=spark_master, inputs=spark_input, progress=say)
        try:
            step("delineate", delineate, ws, ecoset, eng, unit, units_built=True)
            say("computing indicators")
            step("indicators", compute_all, ws, engine=eng)
            step("networks", compute_networks, ws, weight=weight, progress=say, engine=eng)
            if diagnose:
                say("computing network signals")
                step("signals", compute_signals, ws, engine=eng)
            if isinstance(eng, SparkEngine):
                step("write back", eng.write_back)
            step("publications", _publications_step, ws, eng, say)  # OpenAlex #15-#17 and co-publication networks (issue 15)
        finally:
            if isinstance(eng, SparkEngine):
                eng.close()
        from innovatlas.registry.actors import delineate_actors

        step("actors", delineate_actors, ws)  # the user's own actors in the ecosystems, #29 with them (issue 14)
        if diagnose:
            say("diagnosing")
            from innovatlas.diagnose import diagnose_all

            step("diagnose", diagnose_all, ws)
    return timings


def _publications_step(ws: Workspace, eng, say) -> None:
    from innovatlas.publications import compute_publications

    compute_publications(ws, eng, progress=say)


@by_stamp(maxsize=4)
def ecosystems(ws: Workspace) -> list[dict[str, Any]]:
    return ws.dicts(A.ECOSYSTEMS)


@by_stamp(maxsize=512)  # asked several times per request
def _require(ws: Workspace, eco_id: str) -> dict[str, Any]:
    rows = ws.dicts(A.ECOSYSTEM(eco_id))
    if not rows:
        raise UnknownEcosystem(eco_id, [r[0] for r in ws.rows(D.ECOSYSTEM_IDS)])
    return rows[0]


@by_stamp(maxsize=256)
def summary(ws: Workspace, eco_id: str) -> dict[str, Any]:
    """Headline figures of one analysed ecosystem (the keys of ``innovatlas summary --json``)."""
    eco = _require(ws, eco_id)
    totals = {(m, b): v for m, b, v in ws.rows(A.TOTALS(eco_id))}
    num = lambda v: 0 if v is None else (int(v) if float(v).is_integer() else float(v))  # noqa: E731
    val = lambda m, b="": totals.get((m, b))  # noqa: E731
    by_type = {act: {k: num(val(k, f"activity:{act}")) for k in ("participations", "organisations", "ec_contribution_eur")}
               for act in ACTIVITY_TYPES}
    metrics = {m: (json.loads(d) if d else v) for m, v, d in ws.rows(A.NETWORK_METRICS(eco_id))}
    return {
        "ecosystem": eco_id,
        "name": eco["name_en"],
        "kind": eco["kind"],
        "participations": num(val("participations")),
        "organisations": num(val("organisations")),
        "projects": num(val("projects")),
        "ec_contribution_eur": round(float(val("ec_contribution_eur") or 0), 2),
        "coordinator_roles": num(val("coordinator_roles")),
        "by_activity_type": by_type,
        "internal_organisation_pairs": num(val("collaboration_relations", "internal")),
        "projects_with_third_country_partner": num(val("projects_with_third_country_partner")),
        "collaboration_relations": {c: num(val("collaboration_relations", c))
                                    for c in ("internal", "rest_nl", "eu", "associated", "third_country")},
        "sme_share": val("sme_share"),
        "organisation_degree": val("organisation_degree"),
        "network": {k: metrics.get(k) for k in ("nodes", "edges", "density", "mean_degree", "components",
                                                "largest_component_share", "communities", "modularity", "link_shares",
                                                # brokers: exact or estimated, with the bound (issue 20)
                                                "betweenness_method", "betweenness_error_bound",
                                                "betweenness_confidence")},
        # lower bound (organisations left out) and partial years (issue 9, points 2 and 3)
        "coverage": ecosystem_coverage(ws, eco_id),
        # what 'organisations' counts (issue 14): pic | organisation | parent
        "unit": _unit(ws),
    }


def _unit(ws: Workspace) -> dict[str, str]:
    from innovatlas.registry.units import stored_unit, unit_label

    u = stored_unit(ws)
    return {"unit": u, "label_en": unit_label(u, "en"), "label_nl": unit_label(u, "nl")}


@by_stamp(maxsize=4)
def headlines(ws: Workspace) -> list[dict[str, Any]]:
    """One row per ecosystem with its headline totals, in one query (for overview tables)."""
    return ws.dicts(A.HEADLINES)


@by_stamp(maxsize=128)
def overlaps(ws: Workspace, eco_id: str | None = None) -> list[dict[str, Any]]:
    """Shared members and Jaccard index for every pair of ecosystems (or those involving one)."""
    if eco_id:
        _require(ws, eco_id)
    return ws.dicts(A.OVERLAPS(eco_id, eco_id, eco_id))




@by_stamp(maxsize=4)
def placement(ws: Workspace) -> dict[str, Any]:
    """How many Dutch participating organisations could be placed, and why the rest could not."""
    # one row per rule: the cities not recognised are one row (listed by name in ``unplaced_cities``), so
    # the sentence, the table and the list all add up from the same rows (issue 9, point 7)
    rows = ws.dicts(A.PLACEMENT)
    placed = sum(r["organisations"] for r in rows if not r["method"].startswith("unplaced"))
    total = sum(r["organisations"] for r in rows)
    unnamed = ws.scalar(A.UNNAMED)
    unplaced_cities = ws.dicts(A.UNPLACED_CITIES)
    count = lambda m: sum(r["organisations"] for r in rows if r["method"] == m)  # noqa: E731
    return {"dutch_organisations": total, "placed": placed, "unplaced": total - placed, "unnamed": unnamed,
            "no_address": count("unplaced: no city or postcode in any source"),
            "city_not_recognised": count("unplaced: city not recognised"),
            "by_method": rows, "unplaced_cities": unplaced_cities}


# -- coverage: the period every source covers, partial years and lower bounds (issue 9, points 2 and 3) -------------

#: Patterns that date a source's data in its PROVENANCE.md, most explicit first.
_PROVENANCE_DATES = (
    (r"data end:\s*(\d{4})-(\d{2})", "stated data end"),
    (r"[Dd]ata files? last changed in commit `?[0-9a-f]*`? \((\d{4})-(\d{2})-\d{2}\)", "date the data files last changed"),
    (r"commit dated (\d{4})-(\d{2})-\d{2}", "date of the commit holding the data"),
)
_COVERAGE_CACHE: dict[tuple, list[dict[str, Any]]] = {}


def _provenance_end(file: str, ws_path: str) -> tuple[str, str] | None:
    """(YYYY-MM, how) from the PROVENANCE.md next to an imported file, when it can be read."""
    import re

    first = file.split(", ")[0]
    for base in (Path(first), Path(ws_path).parent / first, Path.cwd() / first):
        for folder in (base.parent, base.parent.parent):
            prov = folder / "PROVENANCE.md"
            if prov.is_file():
                text = prov.read_text(encoding="utf-8", errors="replace")
                for pattern, how in _PROVENANCE_DATES:
                    m = re.search(pattern, text)
                    if m:
                        return f"{m.group(1)}-{m.group(2)}", f"{how}, {prov.parent.name}/PROVENANCE.md"
                return None
    return None


#: what a PROVENANCE.md says of a file that holds only some years (a sample, never a basis for totals; issue 19)
_PROVENANCE_SAMPLE = r"\*\*Partial\.\*\*|a few years only|never for totals"


def _provenance_sample(file: str, ws_path: str) -> bool:
    """True when the PROVENANCE.md next to an imported file says the file is a sample of some years only."""
    import re

    first = file.split(", ")[0].split("!")[0]
    for base in (Path(first), Path(ws_path).parent / first, Path.cwd() / first):
        for folder in (base.parent, base.parent.parent):
            prov = folder / "PROVENANCE.md"
            if prov.is_file():
                return bool(re.search(_PROVENANCE_SAMPLE, prov.read_text(encoding="utf-8", errors="replace"), re.I))
    return False


def _estimated_end(ws: Workspace, batch_id: int) -> tuple[str, str] | None:
    """Without provenance: the last project start year holding at least half the median yearly number of
    projects of the batch is the last complete year (the trailing years of a snapshot thin out)."""
    counts = ws.rows(A.PROJECTS_PER_YEAR(batch_id))
    if not counts:
        return None
    half = 0.5 * float(np.median([n for _y, n in counts]))
    last = max(y for y, n in counts if n >= half)
    return f"{last}-12", (f"estimated: {last} is the last project start year with at least half the median yearly "
                          f"number of projects (no PROVENANCE.md found for the file)")


def compute_coverage(ws: Workspace) -> list[dict[str, Any]]:
    """The coverage of every imported source, computed now (see :func:`coverage_periods`)."""
    out = []
    for b in ws.dicts(A.BATCHES):
        row = {"batch_id": b["batch_id"], "source": b["source"], "dataset": b["dataset"],
               "file": b["file"].replace("\\", "/").split("/")[-1], "rows": b["rows"], "first_year": None,
               "last_year": None, "data_end": None, "data_end_from": None, "partial_years": [], "dated": False}
        if b["dataset"].endswith(":participations"):
            y0, y1 = ws.rows(A.BATCH_YEARS(b["batch_id"]))[0]
            end = _provenance_end(b["file"], ws.path) or _estimated_end(ws, b["batch_id"])
            row.update(first_year=y0, last_year=y1, dated=True)
            # a file of some years only (PROVENANCE.md says so): its years are a sample, never totals (issue 19)
            row["sample"] = _provenance_sample(b["file"], ws.path)
            if end:
                row.update(data_end=end[0], data_end_from=end[1])
                ey, em = int(end[0][:4]), int(end[0][5:7])
                last_full = ey if em == 12 else ey - 1
                row["partial_years"] = [y for y in range(last_full + 1, (y1 or last_full) + 1)]
        elif b["source"] == "ris":
            y0, y1 = ws.rows(A.STATISTIC_YEARS(b["batch_id"]))[0]
            row.update(first_year=y0, last_year=y1)
        out.append(row)
    return out


def store_coverage(ws: Workspace) -> None:
    """Remember the coverage in the workspace (``meta``), so it holds when the source files are gone."""
    ws.execute(A.CLEAR_COVERAGE)
    ws.execute(A.STORE_COVERAGE(json.dumps(compute_coverage(ws))))


def coverage_periods(ws: Workspace) -> list[dict[str, Any]]:
    """Per imported source: first and last year, the data end (``YYYY-MM``) and where it comes from, and
    the partial project start years.

    The data end of a CORDIS participation file is read from the PROVENANCE.md next to the file
    (a stated "data end: YYYY-MM", else the date the data files last changed); without one it is
    estimated from the project start years (:func:`_estimated_end`). A start year is partial when
    the data end before its December. :func:`analyse` stores the result in the workspace.
    """
    key = (ws.path, ws.stamp())
    if key not in _COVERAGE_CACHE:
        stored = ws.scalar(A.STORED_COVERAGE)
        rows = json.loads(stored) if stored else compute_coverage(ws)
        if stored and {r["batch_id"] for r in rows} != {b for (b,) in ws.rows(A.BATCH_IDS)}:
            rows = compute_coverage(ws)  # imports since the analysis
        _COVERAGE_CACHE.clear()
        _COVERAGE_CACHE[key] = rows
    return _COVERAGE_CACHE[key]


def data_end(ws: Workspace) -> str | None:
    """The latest data end of the participation files (``YYYY-MM``), or None without dated data."""
    ends = [c["data_end"] for c in coverage_periods(ws) if c["dated"] and c["data_end"]]
    return max(ends) if ends else None


def partial_years(ws: Workspace) -> set[int]:
    """Project start years the data cover only in part: after the latest data end of the participation files."""
    end = data_end(ws)
    if end is None:
        return set()
    ey, em = int(end[:4]), int(end[5:7])
    last_full = ey if em == 12 else ey - 1
    return {y for c in coverage_periods(ws) if c["dated"] for y in c["partial_years"] if y > last_full}


def partial_note(ws: Workspace, lang: str = "en") -> str | None:
    """"partial year: data end 2020-12" (or None when no year is partial)."""
    years = sorted(partial_years(ws))
    if not years:
        return None
    span = str(years[0]) if len(years) == 1 else f"{years[0]}-{years[-1]}"
    end = data_end(ws)
    if lang == "nl":
        return (f"onvolledig jaar: data tot en met {end}; startjaren {span} zijn onvolledig en blijven buiten "
                f"trends, basisjaren, signalen en oordelen")
    return (f"partial year: data end {end}; start years {span} are partial and kept out of trends, base years, "
            f"signals and verdicts")


def _fmt(n: int | float, lang: str) -> str:
    s = f"{n:,}"
    return s.replace(",", ".") if lang == "nl" else s


#: selector field -> the org_location column an organisation needs to be selected by it
_GEO_LEVEL = {"municipality": "municipality_code", "knowledge_city": "municipality_code", "corop": "corop_code",
              "province": "province_code"}
_LEVEL_NAME = {"municipality_code": ("a municipality", "een gemeente"), "corop_code": ("a COROP region", "een COROP-regio"),
               "province_code": ("a province", "een provincie")}


@by_stamp(maxsize=256)  # the home page asks it for every ecosystem; bounded (issue 13)
def ecosystem_coverage(ws: Workspace, eco_id: str) -> dict[str, Any]:
    """Whether an ecosystem's figures are lower bounds, how many organisations are left out and why, and the
    partial years of the data.

    An ecosystem selected by place (municipality, knowledge city, COROP region, province; also
    through a parent) can only hold organisations placed at that level: the Dutch participating
    organisations that could not be placed there are left out, so its counts are lower bounds.
    """
    eco = _require(ws, eco_id)
    cols: set[str] = set()
    cur: dict[str, Any] | None = eco
    while cur is not None:
        sel = json.loads(cur["definition"]).get("select", {})
        for field, col in _GEO_LEVEL.items():
            if sel.get(field):  # a knowledge city in any scope resolves into municipality codes
                cols.add(col)
        cur = _require(ws, cur["parent"]) if cur.get("parent") else None
    order = ["municipality_code", "corop_code", "province_code"]
    level = next((c for c in order if c in cols), None)
    out: dict[str, Any] = {"ecosystem": eco_id, "lower_bound": level is not None, "left_out": 0,
                           "left_out_participations": 0, "level": level, "reasons": [],
                           "data_end": data_end(ws), "partial_years": sorted(partial_years(ws)),
                           "partial_note_en": partial_note(ws, "en"), "partial_note_nl": partial_note(ws, "nl"),
                           "note_en": None, "note_nl": None}
    if level is None:
        return out
    reasons = ws.dicts(A.left_out(level))
    n = sum(r["organisations"] for r in reasons)
    parts = sum(r["participations"] for r in reasons)
    out.update(reasons=reasons, left_out=n, left_out_participations=parts, lower_bound=n > 0)
    if not n:
        return out
    why = {"en": [], "nl": []}
    for r in reasons:
        code = r["reason"].removeprefix("unplaced: ")
        nl = {"no city or postcode in any source": "zonder plaats of postcode in enige bron",
              "city not recognised": "met een plaats die niet herkend werd"}.get(code, code)
        why["en"].append(f"{_fmt(r['organisations'], 'en')} {'with a ' if code.startswith('city') else 'with '}{code}")
        why["nl"].append(f"{_fmt(r['organisations'], 'nl')} {nl}")
    where_en, where_nl = _LEVEL_NAME[level]
    out["note_en"] = (f"Lower bound: {_fmt(n, 'en')} Dutch participating organisations ({_fmt(parts, 'en')} participations) "
                      f"could not be placed in {where_en} and are left out ({'; '.join(why['en'])}); "
                      f"some of them may belong to this ecosystem.")
    out["note_nl"] = (f"Ondergrens: {_fmt(n, 'nl')} Nederlandse deelnemende organisaties ({_fmt(parts, 'nl')} deelnames) "
                      f"konden niet in {where_nl} worden geplaatst en zijn weggelaten ({'; '.join(why['nl'])}); "
                      f"een deel ervan hoort mogelijk bij dit ecosysteem.")
    return out
