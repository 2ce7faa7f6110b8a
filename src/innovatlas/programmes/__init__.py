"""Every framework programme in one workspace (issue 19, item 4): FP7, Horizon 2020 and Horizon Europe side by side.

What "the programme as a dimension" means here
    * every participation belongs to one programme: ``project.framework`` (``FP7``, ``H2020``,
      ``HORIZON``), set by the importer from the file (``frameworkProgramme`` /
      ``framework_programme`` column, the programme codes of the older layout, the file name, or
      ``--framework``); the analysis copies it into ``scope.framework``;
    * every participation indicator (participations, organisations #29, projects, coordinator
      roles, EC contribution, SME share) is also stored per programme, as breakdown
      ``programme:<code>``, in total and per start year, so series by year are labelled by
      programme and the API's ``programme`` parameter selects them (:func:`breakdown_for`);
      "all programmes" is the default (breakdown ``''``);
    * the network can be filtered to the projects of one programme (``programme`` on
      ``/api/ecosystems/{id}/network``);
    * ``innovatlas analyse --programme FP7`` restricts every ecosystem to one programme (its
      selector gets ``framework = [FP7]``), so every stored indicator, network, signal and verdict
      is then that programme's; the default ``all`` analyses them together;
    * :func:`programmes` tells which programmes the workspace holds, their start years, datasets,
      and whether a file is only a sample of some years (never a basis for totals);
    * :func:`continuity`: per ecosystem (or the whole workspace) which organisations took part in
      which programmes, and between consecutive programmes who stayed, entered and left.
"""

from __future__ import annotations

from typing import Any

from innovatlas.errors import InputError
from innovatlas.store import Workspace
from innovatlas.store.queries import programmes as Q

__all__ = ["PROGRAMMES", "PROGRAMME_NAMES", "programme_code", "breakdown_for", "restrict", "programmes",
           "continuity", "organisation_attributes", "programme_summary", "coverage_statement", "series_by_programme",
           "ecosystem_programmes", "organisation_programmes"]

#: the programmes innovatlas knows, in time order, with their official periods
PROGRAMMES: dict[str, tuple[int, int]] = {"FP7": (2007, 2013), "H2020": (2014, 2020), "HORIZON": (2021, 2027)}
PROGRAMME_NAMES: dict[str, tuple[str, str]] = {
    "FP7": ("Seventh Framework Programme (FP7, 2007-2013)", "Zevende Kaderprogramma (KP7, 2007-2013)"),
    "H2020": ("Horizon 2020 (2014-2020)", "Horizon 2020 (2014-2020)"),
    "HORIZON": ("Horizon Europe (2021-2027)", "Horizon Europe (2021-2027)"),
}
_ALIASES = {"FP7": "FP7", "KP7": "FP7", "H2020": "H2020", "HORIZON2020": "H2020", "HORIZON": "HORIZON",
            "HE": "HORIZON", "HORIZONEUROPE": "HORIZON", "ALL": "all", "": "all"}


def programme_code(value: str | None, *, cli: bool = False) -> str:
    """``FP7``, ``H2020``, ``HORIZON`` or ``all`` for what a user typed (``he``, ``horizon-europe``, ``All``)."""
    key = (value or "").upper().replace("-", "").replace(" ", "").replace("_", "")
    code = _ALIASES.get(key)
    if code is None:
        msg = f"unknown programme '{value}': use FP7, H2020, HORIZON (Horizon Europe) or all"
        from innovatlas.explore import BadParameter

        raise InputError(msg, hint="e.g. --programme H2020") if cli else BadParameter(msg)
    return code


def breakdown_for(programme: str | None, breakdown: str = "") -> str:
    """The stored breakdown of a programme's values (``programme:FP7``); ``''`` for all programmes."""
    code = programme_code(programme)
    if code == "all":
        return breakdown
    if breakdown:
        from innovatlas.explore import BadParameter

        raise BadParameter("a programme cannot be combined with another breakdown: the values are stored per "
                           "programme or per breakdown; leave out breakdown, or use programme=all")
    return f"programme:{code}"


def restrict(ecoset, programme: str | None):
    """The ecosystem definitions restricted to one programme (each selector gets ``framework = [code]``; a
    definition that already names programmes keeps the ones it shares with it). ``all``: unchanged."""
    from innovatlas.model.ecosystem import EcosystemSet

    code = programme_code(programme, cli=True)
    if code == "all":
        return ecoset
    out = []
    for eco in ecoset:
        fw = [code] if not eco.select.framework else [f for f in eco.select.framework if f == code]
        out.append(eco.model_copy(update={"select": eco.select.model_copy(update={"framework": fw or ["-"]})}))
    return EcosystemSet(ecosystems=out)


def _samples(ws: Workspace) -> dict[str, bool]:
    """dataset -> whether its file is only a sample of some years (PROVENANCE.md says so, see analysis)."""
    from innovatlas.analysis import coverage_periods

    return {c["dataset"]: bool(c.get("sample")) for c in coverage_periods(ws)}


_CACHE: dict[tuple, list[dict[str, Any]]] = {}


def programmes(ws: Workspace) -> list[dict[str, Any]]:
    """The programmes in the workspace: start years covered (first, last, and the years with data), projects,
    participations, organisations, the datasets and files, and ``sample`` when a file holds only some years.
    (Cached per workspace state: every report page states them.)"""
    import copy

    key = (ws.path, ws.stamp())
    if key not in _CACHE:
        _CACHE.clear()
        _CACHE[key] = _programmes(ws)
    return copy.deepcopy(_CACHE[key])


def _programmes(ws: Workspace) -> list[dict[str, Any]]:
    rows = ws.dicts(Q.PROGRAMMES)
    years: dict[str, list[int]] = {}
    for fw, y, _n in ws.rows(Q.PROGRAMME_YEARS):
        years.setdefault(fw, []).append(y)
    samples = _samples(ws)
    for r in rows:
        r["years"] = years.get(r["programme"], [])
        r["official_period"] = list(PROGRAMMES.get(r["programme"], (None, None)))
        r["name_en"], r["name_nl"] = PROGRAMME_NAMES.get(r["programme"], (r["programme"], r["programme"]))
        r["sample"] = any(samples.get(d) for d in r["datasets"])
        y = r["years"]
        r["gaps"] = [k for k in range(y[0], y[-1] + 1) if k not in y] if y else []
    return rows


def coverage_statement(ws: Workspace, lang: str = "en") -> str:
    """One sentence: which programmes the workspace holds and the start years each covers."""
    from innovatlas.analysis import data_end, partial_years

    rows = programmes(ws)
    partial = partial_years(ws)
    if not rows:
        return "Geen kaderprogramma's in de werkruimte." if lang == "nl" else "No framework programme in the workspace."
    parts = []
    for r in rows:
        span = f"{r['first_year']}-{r['last_year']}" if r["first_year"] is not None else "?"
        extra = []
        if r["gaps"]:
            extra.append(("ontbrekende startjaren " if lang == "nl" else "missing start years ")
                         + ", ".join(map(str, r["gaps"])))
        late = [y for y in r["years"] if y in partial]
        if late:
            extra.append((f"startjaren {', '.join(map(str, late))} onvolledig (data tot en met {data_end(ws)})"
                          if lang == "nl" else
                          f"start years {', '.join(map(str, late))} partial (data end {data_end(ws)})"))
        if r["sample"]:
            extra.append("steekproef van enkele jaren, niet voor totalen" if lang == "nl"
                         else "a sample of some years, not for totals")
        parts.append(f"{r['programme']} ({span}{'; ' + '; '.join(extra) if extra else ''})")
    head = "Kaderprogramma's in de werkruimte, met de startjaren van hun projecten: " if lang == "nl" else \
        "Framework programmes in the workspace, with the start years of their projects: "
    return head + ", ".join(parts) + "."


def _order(fw: str) -> tuple[int, str]:
    keys = list(PROGRAMMES)
    return (keys.index(fw) if fw in keys else len(keys), fw)


def continuity(ws: Workspace, eco_id: str | None = None, *, list_limit: int = 20) -> dict[str, Any]:
    """Which organisations took part in which programmes, and between consecutive programmes who stayed,
    entered and left; in an ecosystem (its in-scope participations) or in the whole workspace.

    ``combinations``: organisations per set of programmes (``FP7+H2020``); ``transitions``: for each
    pair of consecutive programmes present (A, B): ``stayed`` (in A and B), ``left`` (in A, not in
    B), ``entered`` (in B, not in A), with up to ``list_limit`` organisations of each (by PIC).
    Counts come from the imported files: a programme whose file is a sample of some years makes
    its entered/left counts meaningless, which ``note`` then says.
    """
    if eco_id is not None:
        from innovatlas.analysis import _require

        _require(ws, eco_id)
    combos = {"+".join(sorted(fws, key=_order)): n for fws, n in ws.rows(Q.continuity_combinations(eco_id))}
    present = sorted({fw for k in combos for fw in k.split("+")}, key=_order)
    total = sum(combos.values())
    transitions = []
    for a, b in zip(present, present[1:]):
        count = lambda test: sum(n for k, n in combos.items() if test(set(k.split("+"))))  # noqa: E731
        t = {"from": a, "to": b, "stayed": count(lambda s: a in s and b in s),
             "left": count(lambda s: a in s and b not in s), "entered": count(lambda s: b in s and a not in s),
             "organisations": {st: [{"pic": p, "label": lab, "participations": n} for p, lab, n in
                                    ws.rows(Q.continuity_organisations(eco_id, a, b, st, list_limit))]
                               for st in ("stayed", "left", "entered")}}
        transitions.append(t)
    info = {r["programme"]: r for r in programmes(ws)}
    samples = [fw for fw in present if info.get(fw, {}).get("sample")]
    note_en = note_nl = ""
    if samples:
        note_en = (f"{', '.join(samples)}: the imported files are a sample of some years only, so who entered or "
                   "left cannot be told from them")
        note_nl = (f"{', '.join(samples)}: de geïmporteerde bestanden zijn een steekproef van enkele jaren, dus wie "
                   "instroomde of vertrok is daaruit niet af te leiden")
    return {"ecosystem": eco_id, "programmes": present, "organisations": total,
            "combinations": [{"programmes": k, "organisations": v}
                             for k, v in sorted(combos.items(), key=lambda kv: (-kv[1], kv[0]))],
            "in_all": combos.get("+".join(present), 0) if len(present) > 1 else None,
            "transitions": transitions, "note_en": note_en, "note_nl": note_nl}


def organisation_attributes(ws: Workspace, pic: int) -> list[dict[str, Any]]:
    """Every stated value of an organisation's attributes (VAT number, legal name, legal entity type, SME flag,
    NUTS-3 code, city, name, postcode) with the dataset, file and row it comes from; ``used`` marks the value
    innovatlas uses (lowest priority number, then the newest import, then the first row)."""
    return ws.dicts(Q.ATTRIBUTE_SOURCES(pic, pic))


def ecosystem_programmes(ws: Workspace, eco_id: str) -> list[str]:
    """The programmes of an ecosystem's in-scope participations, in time order (the network page's filter)."""
    return sorted((r[0] for r in ws.rows(Q.ECOSYSTEM_PROGRAMMES(eco_id)) if r[0]), key=_order)


def organisation_programmes(ws: Workspace, pic: int) -> dict[str, Any]:
    """The programmes one organisation took part in (participations, projects, years, EC contribution per
    programme) and, between consecutive programmes of the workspace, whether it stayed, entered or left."""
    rows = ws.dicts(Q.ORGANISATION_PROGRAMMES(pic))
    mine = {r["programme"] for r in rows}
    present = [r["programme"] for r in programmes(ws)]
    steps = [{"from": a, "to": b, "status": ("stayed" if a in mine and b in mine else "left" if a in mine
                                              else "entered" if b in mine else "absent")}
             for a, b in zip(present, present[1:])]
    return {"pic": pic, "programmes": rows, "transitions": steps}


def series_by_programme(ws: Workspace, eco_id: str, measure: str = "participations") -> list[dict[str, Any]]:
    """One series per programme of the ecosystem (``programme``, its names, ``items``: year, value, partial)."""
    from innovatlas.explore import indicator_series

    out = []
    for fw, _y0, _y1, _n in ws.rows(Q.ECOSYSTEM_PROGRAMMES(eco_id)):
        en, nl = PROGRAMME_NAMES.get(fw, (fw, fw))
        out.append({"programme": fw, "name_en": en, "name_nl": nl,
                    "items": indicator_series(ws, eco_id, measure, f"programme:{fw}")})
    return out


def programme_summary(ws: Workspace, eco_id: str, programme: str) -> dict[str, Any]:
    """Headline figures of an ecosystem for one programme (``all``: every programme), from the stored values."""
    from innovatlas.analysis import _require, summary

    code = programme_code(programme, cli=True)
    if code == "all":
        return summary(ws, eco_id)
    eco = _require(ws, eco_id)
    from innovatlas.store.queries import analysis as A

    bd = f"programme:{code}"
    totals = {m: v for m, b, v in ws.rows(A.TOTALS(eco_id)) if b == bd}
    num = lambda v: None if v is None else (int(v) if float(v).is_integer() else float(v))  # noqa: E731
    return {"ecosystem": eco_id, "name": eco["name_en"], "kind": eco["kind"], "programme": code,
            "participations": num(totals.get("participations")), "organisations": num(totals.get("organisations")),
            "projects": num(totals.get("projects")),
            "ec_contribution_eur": None if totals.get("ec_contribution_eur") is None
            else round(float(totals["ec_contribution_eur"]), 2),
            "coordinator_roles": num(totals.get("coordinator_roles")), "sme_share": totals.get("sme_share")}
