"""Shared helpers of the connection agenda: which ecosystems are the knowledge cities, names, themes, years."""

from __future__ import annotations

import json
from typing import Any

from innovatlas.errors import UnknownEcosystem
from innovatlas.explore import BadParameter
from innovatlas.sources.cordis import EU28
from innovatlas.delineation import to_iso
from innovatlas.store import Workspace
from innovatlas.store.queries import connect as Q

__all__ = ["BadChoice", "city_ids", "names_of", "require_ids", "complete_years", "EU28_ISO", "RAMP_SHARE",
           "THEME_NAMES", "theme_name"]

EU28_ISO = [to_iso(c) for c in EU28]

#: A project start year counts as *complete* (comparable) when the workspace holds at least this share of the
#: median yearly number of projects for it: this keeps out the programme's ramp-up year (H2020: 2014) and the
#: partial years after the data were published (start years 2021+, data end December 2020).
RAMP_SHARE = 0.5

#: H2020 programme parts (the themes of the specialisation profiles), English and Dutch.
THEME_NAMES: dict[str, tuple[str, str]] = {
    "ERC": ("European Research Council", "Europese Onderzoeksraad"),
    "FET": ("Future and emerging technologies", "Toekomstige en opkomende technologieën"),
    "MSCA": ("Marie Skłodowska-Curie actions", "Marie Skłodowska-Curie-acties"),
    "RI": ("Research infrastructures", "Onderzoeksinfrastructuren"),
    "LEIT": ("Industrial leadership: enabling technologies", "Industrieel leiderschap: sleuteltechnologieën"),
    "Innovation in SMEs": ("Innovation in SMEs", "Innovatie in het mkb"),
    "ARF": ("Access to risk finance", "Toegang tot risicofinanciering"),
    "SC1": ("SC1 Health and wellbeing", "SC1 Gezondheid en welzijn"),
    "SC2": ("SC2 Food, agriculture, bio-economy", "SC2 Voedsel, landbouw, biobased economie"),
    "SC3": ("SC3 Secure, clean, efficient energy", "SC3 Veilige, schone, efficiënte energie"),
    "SC4": ("SC4 Smart, green, integrated transport", "SC4 Slim, groen, geïntegreerd vervoer"),
    "SC5": ("SC5 Climate, environment, resources", "SC5 Klimaat, milieu, grondstoffen"),
    "SC6": ("SC6 Inclusive, innovative, reflective societies", "SC6 Inclusieve, innovatieve samenlevingen"),
    "SC7": ("SC7 Secure societies", "SC7 Veilige samenlevingen"),
    "SEWP": ("Spreading excellence, widening participation", "Excellentie verspreiden, deelname verbreden"),
    "SWAFS": ("Science with and for society", "Wetenschap met en voor de samenleving"),
    "Euratom": ("Euratom", "Euratom"),
}


#: A parameter outside its allowed values (HTTP 422, like the other API parameters).
BadChoice = BadParameter


def theme_name(code: str, lang: str = "en") -> str:
    en, nl = THEME_NAMES.get(code, (code, code))
    return en if lang == "en" else nl


def city_ids(ws: Workspace, scope: str = "municipality") -> list[str]:
    """Analysed ecosystems that are exactly one knowledge city under ``scope``, in definition order."""
    out = []
    for eco_id, definition in ws.rows(Q.ECOSYSTEM_DEFINITIONS):
        sel = json.loads(definition).get("select", {})
        if len(sel.get("knowledge_city") or []) == 1 and sel.get("knowledge_city_scope", "municipality") == scope:
            out.append(eco_id)
    return out


def names_of(ws: Workspace, ids: list[str]) -> dict[str, dict[str, str]]:
    rows = ws.rows(Q.NAMES, [ids])
    return {r[0]: {"en": r[1], "nl": r[2]} for r in rows}


def require_ids(ws: Workspace, ids: list[str] | None, scope: str = "municipality") -> list[str]:
    """The ecosystems asked for (checked), or the knowledge cities when none are given."""
    known = [r[0] for r in ws.rows(Q.ECOSYSTEM_IDS)]
    if not ids:
        ids = city_ids(ws, scope)
        if not ids:
            raise BadChoice("no knowledge-city ecosystems are analysed in this workspace; name ecosystems explicitly "
                            "or run 'innovatlas analyse' with the demo definitions")
        return ids
    for i in ids:
        if i not in known:
            raise UnknownEcosystem(i, known)
    return list(dict.fromkeys(ids))


def complete_years(ws: Workspace) -> dict[str, Any]:
    """Project start years that are complete in this workspace (see :data:`RAMP_SHARE`).

    The first complete year follows :data:`RAMP_SHARE`; the last is the last start year before the data end
    that :func:`innovatlas.analysis.partial_years` reports (the workspace's coverage service), or, without a
    dated source, the last year meeting :data:`RAMP_SHARE`.
    """
    counts = dict(ws.rows(Q.START_YEAR_COUNTS))
    if not counts:
        return {"years": [], "last_complete_year": None, "partial_years": [], "counts": {}}
    vals = sorted(counts.values())
    median = vals[len(vals) // 2] if len(vals) % 2 else (vals[len(vals) // 2 - 1] + vals[len(vals) // 2]) / 2
    full = sorted(y for y, n in counts.items() if n >= RAMP_SHARE * median)
    last = max(full) if full else None
    rule = f"start years with at least {RAMP_SHARE:.0%} of the median yearly number of projects"
    try:  # the workspace's coverage service (data end of the participation files) decides the partial years
        from innovatlas.analysis import data_end, partial_years

        partial, end = partial_years(ws), data_end(ws)
    except ImportError:  # pragma: no cover - older analysis module
        partial, end = set(), None
    if end and full:
        last = max((y for y in counts if y not in partial and y >= min(full)), default=last)
        rule += f"; partial start years after the data end {end} (coverage service)"
    years = [y for y in range(min(full), last + 1)] if full else []
    return {"years": years, "last_complete_year": last, "partial_years": sorted(y for y in counts if last and y > last),
            "ramp_up_years": sorted(y for y in counts if full and y < min(full)), "counts": counts,
            "data_end": end, "rule": rule}
