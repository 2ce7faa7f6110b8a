"""HTML and PDF of the decision tools (WeasyPrint for PDF; inline CSS, no external assets)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape

from innovatlas.model.actors import label as type_label
from innovatlas.report.charts import bar_chart, line_chart
from innovatlas.report.i18n import t

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
    env.filters["num"] = lambda v, d=0: "–" if v is None else f"{v:,.{d}f}"
    env.filters["pct"] = lambda v: "–" if v is None else f"{100 * v:.1f}%"
    env.filters["typelabel"] = lambda v: type_label(v, lang) if v else ""
    return env


def render_html(kind: str, result: dict[str, Any], lang: str = "en") -> str:
    charts: dict[str, Any] = {}
    if kind == "portfolio":
        charts["types"] = bar_chart([(k.replace("_", " "), v) for k, v in result["by_type"].items()], title="partners by type")
        charts["years"] = line_chart({"new": [(r["year"], r["new"]) for r in result["repeat_vs_new"]],
                                      "repeat": [(r["year"], r["repeat"]) for r in result["repeat_vs_new"]]},
                                     title="new and repeat partners")
    if kind == "valorisation":
        charts["years"] = line_chart({k: [(r["year"], r[k]) for r in result["by_year"]]
                                      for k in ("firm_share", "societal_share", "regional_share", "diversity")},
                                     title="valorisation dashboard")
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
