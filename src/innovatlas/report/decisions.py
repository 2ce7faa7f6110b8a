"""HTML and PDF of the decision tools (WeasyPrint for PDF; inline CSS, no external assets)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape

from innovatlas.model.actors import label as type_label
from innovatlas.report.charts import bar_chart, line_chart
from innovatlas.report.i18n import t
from innovatlas.report.labels import number, percent

#: chart legends and titles (en, nl): never a code such as firm_share
CHART_WORDS = {
    "firm_share": ("firms among partners", "bedrijven onder partners"),
    "societal_share": ("public and societal partners", "publieke en maatschappelijke partners"),
    "regional_share": ("partners in own province", "partners in eigen provincie"),
    "diversity": ("diversity of partner types", "diversiteit partnertypen"),
    "new": ("new partners", "nieuwe partners"), "repeat": ("repeat partners", "terugkerende partners"),
    "partners_by_type": ("partners by type", "partners naar type"),
    "new_and_repeat": ("new and repeat partners", "nieuwe en terugkerende partners"),
    "valorisation_dashboard": ("valorisation dashboard (share)", "valorisatiedashboard (aandeel)"),
    "university": ("university", "universiteit"), "research_organisation": ("research organisation", "onderzoeksorganisatie"),
    "large_firm": ("large firm", "groot bedrijf"), "sme": ("SME", "mkb-bedrijf"),
    "firm_unknown_size": ("firm (size unknown)", "bedrijf (omvang onbekend)"), "public_body": ("public body", "publieke instelling"),
    "other": ("other", "overig"),
}


def _w(key: str, lang: str) -> str:
    en, nl = CHART_WORDS.get(key, (key.replace("_", " "), key.replace("_", " ")))
    return nl if lang == "nl" else en

__all__ = ["render_html", "render_pdf", "write_outputs"]

LABELS = {
    "strong": ("strong", "sterk"), "adequate": ("adequate", "voldoende"), "concern": ("concern", "zorgpunt"),
    "serious_concern": ("serious concern", "ernstig zorgpunt"), "not_assessed": ("not assessed", "niet beoordeeld"),
    "push": ("push", "push"), "exchange": ("exchange", "exchange"), "serve": ("serve", "serve"), "mixed": ("mixed", "gemengd"),
    "yes": ("yes", "ja"), "no": ("no", "nee"), "unknown": ("unknown", "onbekend"),
}


def _env(lang: str) -> Environment:
    env = Environment(loader=PackageLoader("innovatlas", "report/templates"), autoescape=select_autoescape(["html"]))
    env.globals.update(lang=lang, t=lambda k, **kw: t(k, lang, **kw),
                       L=lambda k: LABELS.get(k, (k, k))[0 if lang == "en" else 1])
    env.filters["num"] = lambda v, d=0: number(v, lang, d)  # Babel: Dutch separators in nl
    env.filters["pct"] = lambda v: percent(v, lang)
    env.filters["typelabel"] = lambda v: type_label(v, lang) if v else ""
    return env


def render_html(kind: str, result: dict[str, Any], lang: str = "en") -> str:
    charts: dict[str, Any] = {}
    if kind == "portfolio":
        charts["types"] = bar_chart([(_w(k, lang), v) for k, v in result["by_type"].items() if v is not None],
                                    title=_w("partners_by_type", lang), lang=lang)
        charts["years"] = line_chart({_w("new", lang): [(r["year"], r["new"], r.get("partial")) for r in result["repeat_vs_new"]],
                                      _w("repeat", lang): [(r["year"], r["repeat"], r.get("partial")) for r in result["repeat_vs_new"]]},
                                     title=_w("new_and_repeat", lang), lang=lang, shared_axis=True)
    if kind == "valorisation":
        charts["years"] = line_chart({_w(k, lang): [(r["year"], r[k], r.get("partial")) for r in result["by_year"]]
                                      for k in ("firm_share", "societal_share", "regional_share", "diversity")},
                                     title=_w("valorisation_dashboard", lang), lang=lang, shared_axis=True)
    return _env(lang).get_template(f"decisions/{kind}.html").render(r=result, charts=charts)


def render_pdf(html: str) -> bytes:
    from weasyprint import HTML

    return HTML(string=html).write_pdf()


def write_outputs(kind: str, result: dict[str, Any], out_dir: str | Path, lang: str = "en",
                  pdf: bool = True) -> list[Path]:
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    html = render_html(kind, result, lang)
    stem = f"{result['name']}-v{result.get('version', 0)}-{lang}"
    paths = [out / f"{stem}.html"]
    paths[0].write_text(html, encoding="utf-8")
    if pdf:
        paths.append(out / f"{stem}.pdf")
        paths[1].write_bytes(render_pdf(html))
    return paths
