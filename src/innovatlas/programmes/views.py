"""The "framework programmes" section of an ecosystem page (report and dashboard), in Dutch and English."""

from __future__ import annotations

from typing import Any

from innovatlas.store import Workspace

__all__ = ["programme_section", "PT"]

#: the section's strings (en, nl)
PT: dict[str, tuple[str, str]] = {
    "title": ("Framework programmes", "Kaderprogramma's"),
    "all": ("all programmes", "alle programma's"),
    "show": ("Show", "Toon"),
    "programme": ("Programme", "Programma"),
    "years": ("Start years", "Startjaren"),
    "series": ("Participations per start year, by programme", "Deelnames per startjaar, per programma"),
    "continuity": ("Continuity across programmes", "Continuïteit tussen programma's"),
    "from_to": ("from → to", "van → naar"),
    "stayed": ("stayed", "bleven"),
    "left": ("left", "vertrokken"),
    "entered": ("entered", "nieuw"),
    "combination": ("took part in", "deden mee aan"),
    "sample": ("sample of some years, not for totals", "steekproef van enkele jaren, niet voor totalen"),
    "filter_note": ("The figures of one programme; 'all programmes' adds them up.",
                    "De cijfers van één programma; 'alle programma's' telt ze op."),
}


def _span(years: list[int]) -> list[str]:
    """Start years as runs: [2014, 2015, 2016, 2019] -> ['2014-2016', '2019']."""
    out: list[list[int]] = []
    for y in years:
        if out and y == out[-1][1] + 1:
            out[-1][1] = y
        else:
            out.append([y, y])
    return [f"{a}-{b}" if a != b else str(a) for a, b in out]


def programme_section(ws: Workspace, eco_id: str, lang: str = "en", programme: str = "all") -> dict[str, Any]:
    """Statement of the programmes in the workspace, headline figures per programme (one programme, or all side
    by side), participations per start year labelled by programme, and continuity of the organisations."""
    from innovatlas.programmes import (PROGRAMME_NAMES, continuity, coverage_statement, programme_code,
                                       programme_summary, programmes, series_by_programme)
    from innovatlas.report.charts import line_chart

    i = 0 if lang == "en" else 1
    code = programme_code(programme)
    info = {r["programme"]: r for r in programmes(ws)}
    series = series_by_programme(ws, eco_id, "participations")
    present = [s["programme"] for s in series]
    shown = present if code == "all" else [c for c in present if c == code]
    rows = []
    for fw in shown:
        s = programme_summary(ws, eco_id, fw)
        years = [y["year"] for y in next(x for x in series if x["programme"] == fw)["items"]]
        rows.append({**s, "programme": fw, "name": PROGRAMME_NAMES.get(fw, (fw, fw))[i], "years": _span(years),
                     "sample": bool(info.get(fw, {}).get("sample"))})
    chart = line_chart({PROGRAMME_NAMES.get(s["programme"], (s["programme"],) * 2)[i]:
                        [(p["year"], p["value"], p["partial"]) for p in s["items"]]
                        for s in series if s["programme"] in shown},
                       title=PT["series"][i], lang=lang, shared_axis=True) if len(present) > 1 else ""
    # one programme only: its series is the page's time series already (and a chart costs 0.3 s per page)
    return {"statement": coverage_statement(ws, lang), "selected": code, "options": present, "rows": rows,
            "chart": chart, "continuity": continuity(ws, eco_id, list_limit=10),
            "pt": {k: v[i] for k, v in PT.items()}}
