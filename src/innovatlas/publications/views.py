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
