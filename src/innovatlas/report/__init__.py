"""Static HTML report: an overview page and one page per ecosystem (presentation only).

Everything the pages show comes from the workspace through the service functions in
:mod:`innovatlas.analysis` and a few read queries; charts are inline SVG, styles inline,
so the site opens offline.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from importlib import resources

from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup

from innovatlas.analysis import ecosystems, overlaps, placement, summary
from innovatlas.errors import WorkspaceError
from innovatlas.model.actors import label as type_label
from innovatlas.model.indicators import load_catalogue
from innovatlas.report.charts import ACTIVITY_COLOURS, PALETTE, bar_chart, line_chart, network_picture
from innovatlas.report.i18n import t
from innovatlas.report.labels import (measure_definition, measure_label, method_text, number, percent, placement_label,
                                      provenance_text, unit_label)
from innovatlas.store import Workspace
from innovatlas.store.queries import report as Q

__all__ = ["render_site", "ecosystem_page_data"]


def install_language(env: Environment, lang: str) -> Environment:
    """The words and number formats of one language in a Jinja environment (report and dashboard alike)."""
    env.globals.update(t=lambda key, **kw: t(key, lang, **kw), lang=lang,
                       describe=lambda eco: description(eco, lang))
    env.filters.update(num=lambda v, digits=None: number(v, lang, digits),  # Babel: 305.407.719 and 12,5 in Dutch
                       pct=lambda v: percent(v, lang), typelabel=lambda v: type_label(v, lang) if v else "",
                       measure=lambda code: measure_label(code, lang), unit=lambda code: unit_label(code, lang),
                       placement=lambda m: placement_label(m, lang), method=lambda m: method_text(m, lang),
                       provenance=lambda m: provenance_text(m, lang))
    return env


def _env(lang: str) -> Environment:
    env = install_language(Environment(loader=PackageLoader("innovatlas", "report/templates"),
                                       autoescape=select_autoescape(["html"])), lang)
    # static site: relative file links, no organisation pages
    env.globals.update(web=False, home_url="index.html", eco_url=lambda e: f"eco-{e}.html", org_url=lambda _pic: None,
                       css=Markup(resources.files("innovatlas").joinpath("web/static/style.css").read_text(encoding="utf-8")))
    return env


def _num(v: Any, digits: int | None = None, lang: str = "en") -> str:
    return number(v, lang, digits)


def description(eco: dict[str, Any], lang: str) -> str:
    """The ecosystem's description in the page language (``description_nl`` in its definition), else as given."""
    if lang == "nl":
        try:
            nl = json.loads(eco.get("definition") or "{}").get("description_nl")
        except (TypeError, ValueError):
            nl = None
        if nl:
            return nl
    return eco.get("description") or ""


def _by_type(ws: Workspace, eco_id: str, prefix: str, order: str) -> list[dict[str, Any]]:
    """Organisations, participations and funding per ``activity:`` or ``actor:`` breakdown."""
    return ws.dicts(Q.by_type(eco_id, prefix, order))


def _partial_years(ws: Workspace, eco_id: str) -> set[int]:
    """Project start years the data cover only in part (drawn apart in every chart)."""
    from innovatlas.analysis import partial_years

    return set(partial_years(ws))


def ecosystem_page_data(ws: Workspace, eco_id: str, lang: str = "en", top: int = 15,
                        programme: str = "all") -> dict[str, Any]:
    """Everything one ecosystem page shows (``programme``: the framework programme its programme section shows)."""
    s = summary(ws, eco_id)
    eco = ws.dicts(Q.ECOSYSTEM(eco_id))[0]
    cat = load_catalogue()
    by_activity = _by_type(ws, eco_id, "activity", "participations")
    by_actor = _by_type(ws, eco_id, "actor", "organisations")
    orgs = ws.dicts(Q.top_organisations(eco_id, top))
    brokers = ws.dicts(Q.brokers(eco_id, top // 3 * 2))
    values = ws.dicts(Q.VALUES(eco_id))
    for v in values:
        v["name"] = cat[int(v["indicator"])].name(lang) if v["indicator"].isdigit() else ""
        v["label"] = measure_label(v["measure"], lang)
        v["definition"] = measure_definition(v["measure"], lang)
        v["unit_label"] = unit_label(v["unit"], lang)
        v["breakdown_label"] = t(v["breakdown"], lang) if v["breakdown"] else ""
    years = ws.dicts(Q.YEARS(eco_id))
    for r in years:  # trust9data: every yearly point says whether its year is partial (after the data end)
        r["partial"] = r["year"] in _partial_years(ws, eco_id)
    chart_ts = line_chart({  # missing years stay gaps, never 0; partial years drawn apart (see charts.line_chart)
        t("participations", lang): [(r["year"], r["participations"], r.get("partial")) for r in years],
        t("organisations", lang): [(r["year"], r["organisations"], r.get("partial")) for r in years],
        t("ec_contribution_meur", lang): [(r["year"], None if r["ec"] is None else r["ec"] / 1e6, r.get("partial"))
                                          for r in years],
    }, title=t("time_series", lang), lang=lang, partial_years=_partial_years(ws, eco_id))
    chart_types = bar_chart([(type_label(r["code"], lang), r["organisations"] or 0) for r in by_activity],
                            colours=[ACTIVITY_COLOURS.get(r["code"], PALETTE[8]) for r in by_activity],
                            title=t("actors_by_type", lang), lang=lang, x_title=t("organisations", lang))
    nodes = ws.dicts(Q.NETWORK_NODES(eco_id))
    index = {n["pic"]: i for i, n in enumerate(nodes)}
    edge_rows = ws.rows(Q.NETWORK_EDGES(eco_id, eco_id, eco_id))
    top_degree = max((n["degree"] for n in nodes), default=1) or 1
    picture = network_picture(
        [{"x": n["x"], "y": n["y"], "colour": ACTIVITY_COLOURS.get(n["activity_type"], PALETTE[8]),
          "r": 2.5 + 7 * (n["degree"] / top_degree) ** 0.5, "label": f"{n['label']} ({n['degree']})"} for n in nodes],
        [(index[a], index[b], w) for a, b, w in edge_rows], title=t("network", lang))
    children = ws.dicts(Q.CHILDREN(eco_id))
    parent = ws.dicts(Q.ECOSYSTEM_NAME(eco["parent"])) if eco["parent"] else []
    names = {r[0]: (r[1] if lang == "en" else r[2]) for r in ws.rows(Q.ECOSYSTEM_NAMES)}
    ov = [dict(r, other=r["b"] if r["a"] == eco_id else r["a"]) for r in overlaps(ws, eco_id)]
    for r in ov:
        r["other_name"] = names[r["other"]]
    from innovatlas.diagnose import findings_of
    from innovatlas.disclosure import disclosed_inputs
    from innovatlas.inputs import indicator_label, qualitative
    from innovatlas.monitor import composite_view, progress_to_targets
    from innovatlas.sources.ris import regional_context

    inputs = disclosed_inputs(ws, eco_id)
    for r in inputs:
        r["label"] = indicator_label(ws, r["indicator"], lang)
    view = composite_view(ws, eco_id, lang)
    chart_view = line_chart({i["label"]: [(y, v) for y, v in zip(view["years"], i["versus_past"]) if v is not None]
                             for i in view["indicators"]}, title=t("composite_view", lang), lang=lang, shared_axis=True,
                            y_title=t("pct_of_base_year", lang),
                            partial_years=set(view.get("partial_years") or []) | _partial_years(ws, eco_id)
                            ) if view["indicators"] else ""
    context = [r for r in regional_context(ws, eco_id) if r["indicator"].startswith(("0 ", "2.1", "2.2", "3.1", "3.2"))]
    return {
        "findings": findings_of(ws, eco_id), "inputs": inputs, "qualitative": qualitative(ws, eco_id),
        "targets": progress_to_targets(ws, eco_id, lang), "composite": view, "chart_view": chart_view,
        "context": context,
        "eco": eco, "name": eco["name_en"] if lang == "en" else eco["name_nl"], "summary": s,
        "by_activity": by_activity, "by_actor": by_actor, "orgs": orgs, "brokers": brokers, "values": values,
        "chart_ts": chart_ts, "chart_types": chart_types, "picture": picture, "picture_nodes": len(nodes),
        "children": children, "parent": parent, "overlaps": ov[:12],
        "definition": json.loads(eco["definition"])["select"],
        "coverage": s["coverage"], "years": years,  # trust9data: lower bound and partial years (issue 9)
        **_connect_context(ws, eco_id, lang),  # connection agenda: "connections" and "dynamics" sections
        "programmes": _programme_context(ws, eco_id, lang, programme),  # framework programmes (issue 19)
        "framework": _framework_section(ws, eco_id, lang),  # facilities, startups and finance, rules (issue 19)
        **_publications_context(ws, eco_id, lang),  # OpenAlex publications and co-publications (issue 15)
    }


def _programmes_statement(ws: Workspace, lang: str) -> str:
    """Which framework programmes the workspace holds and the start years each covers (issue 19)."""
    from innovatlas.programmes import coverage_statement

    return coverage_statement(ws, lang)


def _programme_context(ws: Workspace, eco_id: str, lang: str, programme: str) -> dict[str, Any]:
    from innovatlas.programmes.views import programme_section

    return programme_section(ws, eco_id, lang, programme)


def _framework_section(ws: Workspace, eco_id: str, lang: str) -> dict[str, Any]:
    from innovatlas.framework.views import section

    return section(ws, eco_id, lang)


def _publications_context(ws: Workspace, eco_id: str, lang: str) -> dict[str, Any]:
    from innovatlas.publications.views import ecosystem_section, template_helpers

    return {"pubs": ecosystem_section(ws, eco_id, lang), **template_helpers(lang)}


def _connect_context(ws: Workspace, eco_id: str, lang: str) -> dict[str, Any]:
    from innovatlas.connect.views import ecosystem_section
    from innovatlas.connect.views import template_helpers

    return {"connect": ecosystem_section(ws, eco_id, lang), **template_helpers(lang)}


def render_site(ws: Workspace, out_dir: str | Path, *, lang: str = "en", alt: tuple[str, str] | None = None,
                progress=None) -> Path:
    """Write ``index.html`` and ``eco-<id>.html`` pages into ``out_dir``; return the index path.

    ``alt`` = (language code, relative prefix) of a sibling site in the other language, for
    the language switch on every page.
    """
    if lang not in ("en", "nl"):
        raise WorkspaceError(f"unknown report language '{lang}': use 'en' or 'nl'")
    ecos = ecosystems(ws)
    if not ecos:
        raise WorkspaceError(f"workspace {ws.path} has no analysed ecosystems; run 'innovatlas analyse' first")
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    env = _env(lang)
    say = progress or (lambda _m: None)
    rows = []
    for e in ecos:
        s = summary(ws, e["ecosystem_id"])
        rows.append({"eco": e, "name": e["name_en"] if lang == "en" else e["name_nl"], "s": s})
    cities = [r for r in rows if r["eco"]["parent"] == "nl" and r["eco"]["kind"] == "regional"
              and json.loads(r["eco"]["definition"])["select"].get("knowledge_city_scope", "municipality") == "municipality"]
    chart_cities = bar_chart(sorted(((r["name"], r["s"]["organisations"]) for r in cities), key=lambda x: -x[1]),
                             title=t("organisations_per_city", lang), lang=lang, x_title=t("organisations", lang))
    place = placement(ws)
    from innovatlas.analysis import coverage_periods

    coverage = [c for c in coverage_periods(ws) if c["dated"] or c["first_year"]]  # trust9data: data end per source
    batches = ws.dicts(Q.IMPORT_BATCHES)
    common = {"alt": alt, "workspace": ws.path}
    names = {r["eco"]["ecosystem_id"]: r["name"] for r in rows}
    from innovatlas.registry.coverage import registry_coverage  # named and placed, before and after resolution (issue 14)

    reg = registry_coverage(ws) if place["dutch_organisations"] else None
    (out / "index.html").write_text(env.get_template("index.html").render(
        reg=reg,
        rows=rows, chart_cities=chart_cities, overlaps=overlaps(ws)[:25], place=place, batches=batches, names=names, coverage=coverage,
        programmes_statement=_programmes_statement(ws, lang), page="index.html", **common), encoding="utf-8")
    from innovatlas.europe import europe_page_data  # European overview (issue 11, point 4)

    eu = europe_page_data(ws, lang)
    (out / "europe.html").write_text(env.get_template("europe.html").render(
        europe=eu, charts=eu["charts"], legend=eu["legend"], page="europe.html", **common), encoding="utf-8")
    from innovatlas.connect.report import render_connections

    render_connections(ws, out, env, lang, **common)  # connection agenda of the knowledge cities
    for e in ecos:
        say(f"report page {e['ecosystem_id']}")
        data = ecosystem_page_data(ws, e["ecosystem_id"], lang)
        page = f"eco-{e['ecosystem_id']}.html"
        (out / page).write_text(env.get_template("ecosystem.html").render(page=page, **data, **common), encoding="utf-8")
    return out / "index.html"
