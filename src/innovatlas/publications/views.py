"""Page data of the publication sections: an ecosystem's page and report, an organisation's page (both languages)."""

from __future__ import annotations

from typing import Any

from innovatlas.publications import ecosystem_publications, organisation_publications
from innovatlas.publications.i18n import num, pt
from innovatlas.store import Workspace

__all__ = ["ecosystem_section", "organisation_section", "template_helpers", "is_demo_sample"]

SAMPLE_FOLDER = "openalex-works-api-samples"


def template_helpers(lang: str) -> dict[str, Any]:
    return {"pt": lambda key, **kw: pt(key, lang, **kw), "pfmt": lambda v, d=0: num(v, lang, d),
            "ppct": lambda v: "–" if v is None else num(100 * v, lang, 1) + "%"}


def is_demo_sample(cov: dict[str, Any]) -> bool:
    """True when every imported OpenAlex file is one of the small demo samples (not Dutch-focused)."""
    files = cov.get("files") or []
    return bool(files) and all(f.get("folder") == SAMPLE_FOLDER for f in files)


def ecosystem_section(ws: Workspace, eco_id: str, lang: str = "en") -> dict[str, Any]:
    from innovatlas.report.charts import line_chart

    d = ecosystem_publications(ws, eco_id)
    d["demo"] = is_demo_sample(d["coverage"])
    d["files"] = [f["file"] for f in d["coverage"]["files"]]
    d["chart"] = None
    if d["in_data"]:
        full = [(p["year"], p["value"]) for p in d["series"]["publications"]]
        frac = [(p["year"], p["value"]) for p in d["series"]["publications_fractional"]]
        pp = [(p["year"], p["value"]) for p in d["series"]["public_private"]]
        if len(full) >= 2:
            d["chart"] = line_chart({pt("full", lang): full, pt("fractional", lang): frac, pt("public_private", lang): pp},
                                    title=pt("over_time", lang), lang=lang, shared_axis=True)
    return d


def organisation_section(ws: Workspace, pic: int, lang: str = "en") -> dict[str, Any]:
    from innovatlas.publications import coverage

    d = organisation_publications(ws, pic)
    d["demo"] = is_demo_sample(coverage(ws))
    return d


def demo_lines(ws: Workspace, eco_id: str = "nl", lang: str = "en") -> list[str]:
    """What ``make demo`` prints about the publications: the co-publication figures and the heterogeneous network."""
    from innovatlas.publications.network import heterogeneous_network

    d = ecosystem_publications(ws, eco_id)
    if not d["workspace_works"]:
        return [pt("no_works_ws", lang)]
    t = d["totals"]
    lines = [f"OpenAlex: {d['workspace_works']:,} works imported ({d['coverage']['first_year']}-{d['coverage']['last_year']})."
             + (" " + pt("demo_note", lang) if is_demo_sample(d["coverage"]) else "")]
    if not d["in_data"]:
        return lines + [pt("no_works_eco", lang)]
    lines.append(f"{eco_id}: {num(t['publications'], lang)} publications (#15; fractional {num(t['publications_fractional'], lang, 2)}), "
                 f"{num(t['copublications'], lang)} co-publications (#16), public-public {num(t['copublications:public_public'], lang)}, "
                 f"public-private {num(t['copublications:public_private'], lang)}, with an institution abroad "
                 f"{num(100 * (t['copublication_share:international'] or 0), lang, 1)}%, dual-appointment proxy (#17) "
                 f"{num(t['dual_appointment_proxy'], lang)}")
    net = heterogeneous_network(ws, eco_id)
    parts = ", ".join(f"{k} {f['nodes']:,} organisations / {f['links']:,} links" for k, f in net["figures"].items())
    lines.append(f"{eco_id} heterogeneous network: {parts}; pairs with more than one link type: "
                 f"{net['figures']['combined']['multiplex_pairs']:,}")
    return lines
