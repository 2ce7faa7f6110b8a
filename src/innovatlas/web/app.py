"""The web app: JSON API under ``/api`` (OpenAPI at ``/openapi.json``, docs at ``/docs``) and
server-rendered pages over the same service functions. Read-only; every request gets its own
DuckDB cursor; all user input is validated and bound, never pasted into SQL."""

from __future__ import annotations

import json
import re
import threading
from collections import OrderedDict
from urllib.parse import urlencode
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Annotated, Any, Literal

from fastapi import Depends, FastAPI, Path as PathParam, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from jinja2 import ChoiceLoader, Environment, PackageLoader, select_autoescape
from starlette.exceptions import HTTPException as StarletteHTTPException

from innovatlas import __version__
from innovatlas.analysis import ecosystems, headlines, overlaps, placement, summary
from innovatlas.errors import InnovatlasError, UnknownEcosystem
from innovatlas.explore import (MAP_LEVELS, MAP_MEASURES, BadParameter, NotFound, ecosystem_detail, indicator_series,
                                indicator_values, knowledge_city_points, map_layer, network_data, organisation_detail,
                                organisations_of, search_organisations)
from innovatlas.report import ecosystem_page_data
from innovatlas.report import exports
from innovatlas.report.charts import bar_chart, line_chart
from innovatlas.report.i18n import t
from innovatlas.report.labels import number, placement_label
from innovatlas.report import _partial_years, install_language
from innovatlas.store import Workspace
from innovatlas.store.memo import by_stamp
from innovatlas.store.queries import web as Q
from innovatlas.web.hardening import Hardening, attachment
from innovatlas.web.maps import choropleth_svg
from pydantic import BaseModel, StringConstraints
from markupsafe import Markup


def _short(label: str, limit: int = 38) -> str:
    """A long name shortened at a word boundary with an ellipsis (the full name is in the tooltip and the table)."""
    label = " ".join(str(label).split())
    if len(label) <= limit:
        return label
    cut = label[:limit].rsplit(" ", 1)[0] if " " in label[:limit] else label[:limit]
    return cut.rstrip(" ,;-") + "…"


def _body(html: str) -> str:
    """The content of a decision document's <body>, to embed it in a dashboard page."""
    start, end = html.find("<body>"), html.rfind("</body>")
    return html[start + 6:end] if start >= 0 and end > start else html

__all__ = ["create_app"]

_ID_IN_PATH = re.compile(r"^(/api/ecosystems/|/ecosystems/|/api/download/)([A-Za-z0-9][A-Za-z0-9_-]{0,62})(?=/|$)")
EcoId = Annotated[str, PathParam(pattern=r"^[a-z0-9][a-z0-9_-]{0,62}$", description="Ecosystem id, e.g. nl or eindhoven",
                                 openapi_examples={"eindhoven": {"value": "eindhoven"}, "nl": {"value": "nl"}})]
Pic = Annotated[int, PathParam(ge=1, le=10**12, description="PIC of an organisation",
                               openapi_examples={"tu-eindhoven": {"value": 999977366}})]
EcoIdItem = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9_-]{0,62}$")]  # one id of a list
Lang = Annotated[Literal["en", "nl"], Query(description="Page language")]
Limit = Annotated[int, Query(ge=1, le=500, description="Page size (at most 500)")]
Offset = Annotated[int, Query(ge=0, le=10_000_000)]
Year = Annotated[int | None, Query(ge=1980, le=2100)]
#: framework programme filter (issue 19): one programme, or all of them (the default)
ProgrammeQ = Annotated[Literal["all", "FP7", "H2020", "HORIZON"],
                       Query(description="Framework programme: FP7, H2020, HORIZON (Horizon Europe) or all (default)")]
PAGE_CACHE = 128  # pages' data kept (ecosystem, Europe and home pages per language and map choice)
DOWNLOADS = {"organisations": ("csv", "xlsx"), "indicators": ("csv", "xlsx"),
             "network": ("gexf", "graphml", "vosviewer.json", "csv")}
MEDIA = {"csv": "text/csv; charset=utf-8", "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
         "gexf": "application/xml", "graphml": "application/xml", "vosviewer.json": "application/json",
         "geojson": "application/geo+json"}


class ApiError(BaseModel):
    """Every error of the API: a message saying what is wrong and what to do, and the HTTP status."""

    error: str
    status: int
    suggestion: str | None = None


ERRORS: dict[int | str, dict[str, Any]] = {
    404: {"model": ApiError, "description": "Not found: no such ecosystem, organisation, assessment or download, "
                                            "or the workspace holds no data for it (e.g. not analysed, no geography)"},
    422: {"model": ApiError, "description": "Invalid parameters: the message names each one and what is allowed"},
}


def _content(*media: str, schema: dict[str, Any] | None = None) -> dict[int | str, dict[str, Any]]:
    """OpenAPI of a non-JSON 200 response (downloads, GeoJSON, binary)."""
    def of(m: str) -> dict[str, Any]:
        return schema or ({"type": "object"} if m == "application/json" else
                          {"type": "string", "format": "binary"} if m in ("application/pdf", MEDIA["xlsx"]) else {"type": "string"})

    return {200: {"description": "The file", "content": {m: {"schema": of(m)} for m in media}}}


GEOJSON = _content("application/geo+json", schema={
    "type": "object", "required": ["type", "features"],
    "properties": {"type": {"const": "FeatureCollection"}, "properties": {"type": "object"},
                   "features": {"type": "array", "items": {"type": "object"}}}})


def _workspace(request: Request) -> Workspace:
    """Each request reads through its own cursor on the app's read-only workspace."""
    return request.app.state.workspace.cursor()


WS = Annotated[Workspace, Depends(_workspace)]


def _assessment(w: Workspace, name: str, version: int | None) -> dict[str, Any]:
    from innovatlas.assess import load_assessment

    try:
        return load_assessment(w, name, version)
    except InnovatlasError as exc:
        raise NotFound(str(exc)) from None


def create_app(workspace: str | Path, allowed_hosts: list[str] | None = None) -> FastAPI:
    """The app over one workspace, opened read-only (for writing when it has accounts, issue 12). With
    ``allowed_hosts`` (``innovatlas serve`` passes loopback and its bind address, see
    :func:`innovatlas.web.hardening.allowed_hosts`) any other ``Host`` header gets 400; every response gets the
    security headers and limits of :mod:`innovatlas.web.hardening`."""
    base = Workspace(workspace, read_only=not __import__("innovatlas.accounts").accounts.enabled(workspace))

    @asynccontextmanager
    async def lifespan(_app: FastAPI):
        """Lay out the national networks in the background so the first visitor gets them at once."""

        def warm() -> None:
            view = base.cursor()
            for partners in (False, True):
                try:
                    network_data(view, "nl", partners=partners, compact=True)
                except InnovatlasError:
                    break
            from innovatlas.network import view as large_view

            try:  # and the level-of-detail view of every large ecosystem (the EU-wide network: ~1.5 s of layout)
                large_view.warm(view)
            except InnovatlasError:
                pass

        threading.Thread(target=warm, daemon=True, name="innovatlas-warm").start()
        yield

    app = FastAPI(lifespan=lifespan, title="innovatlas", version=__version__,
                  description="Research-and-innovation ecosystems: ecosystems, indicators with provenance, "
                              "organisations, networks, maps and downloads. Read-only.",
                  docs_url=None, redoc_url=None,  # our own /docs: Swagger UI would load from a CDN
                  responses=ERRORS)
    app.state.workspace = base

    app.mount("/static", StaticFiles(packages=[("innovatlas.web", "static")]), name="static")

    def _lowercase_ids(inner):
        """Ecosystem ids are lower case: /ecosystems/Eindhoven redirects to /ecosystems/eindhoven (also in the API).
        Pure ASGI (a BaseHTTPMiddleware costs a task and a stream per request)."""

        async def middleware(scope, receive, send):
            if scope["type"] == "http":
                request = Request(scope)
                path = request.url.path
                m = _ID_IN_PATH.match(path)
                fixed_query = [(k, v.lower() if k in ("a", "b", "compare") and v != v.lower() else v)
                               for k, v in request.query_params.multi_items()] if path in ("/compare", "/api/compare") or "/composite" in path else None
                if (m and m.group(2) != m.group(2).lower()) or (fixed_query and fixed_query != list(request.query_params.multi_items())):
                    new_path = path[:m.start(2)] + m.group(2).lower() + path[m.end(2):] if m else path
                    query = urlencode(fixed_query) if fixed_query is not None else request.url.query
                    await RedirectResponse(new_path + ("?" + query if query else ""), status_code=308)(scope, receive, send)
                    return
            await inner(scope, receive, send)

        return middleware

    def _env(lang: str) -> Environment:
        env = Environment(loader=ChoiceLoader([PackageLoader("innovatlas", "web/templates"),
                                               PackageLoader("innovatlas", "report/templates")]),
                          autoescape=select_autoescape(["html"]), auto_reload=False)  # packaged templates: no stat per render
        install_language(env, lang)
        env.globals.update(other="nl" if lang == "en" else "en", web=True, home_url=f"/?lang={lang}",
                           eco_url=lambda e: f"/ecosystems/{e}?lang={lang}",
                           org_url=lambda pic: f"/organisations/{pic}?lang={lang}")
        return env

    envs = {lang: _env(lang) for lang in ("en", "nl")}
    app.state.envs = envs  # issue 12: the accounts module adds the logged-in user to the templates

    def page(request: Request, template: str, lang: str, **ctx) -> HTMLResponse:
        qs = [(k, v) for k, v in request.query_params.multi_items() if k != "lang"]
        switch = str(request.url.path) + "?" + "&".join(f"{k}={v}" for k, v in qs + [("lang", "nl" if lang == "en" else "en")])
        return HTMLResponse(envs[lang].get_template(template).render(switch_url=switch, path=request.url.path, **ctx))

    # -- errors: JSON for the API, a page for the rest ----------------------------------
    def _status(exc: Exception) -> int:
        if isinstance(exc, (NotFound, UnknownEcosystem)):
            return 404
        return getattr(exc, "status", 400)

    @app.exception_handler(InnovatlasError)
    async def _domain_error(request: Request, exc: InnovatlasError):
        extra = {"suggestion": exc.suggestion} if isinstance(exc, UnknownEcosystem) and exc.suggestion else {}
        return _error(request, _status(exc), str(exc), **extra)

    @app.exception_handler(RequestValidationError)
    async def _validation_error(request: Request, exc: RequestValidationError):
        msgs = [f"{'.'.join(str(x) for x in e['loc'] if x not in ('query', 'path'))}: {e['msg']}" for e in exc.errors()]
        return _error(request, 422, "invalid request: " + "; ".join(msgs))

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(request: Request, exc: StarletteHTTPException):
        headers = dict(exc.headers or {})
        if exc.status_code == 405:  # RFC 9110: a 405 names the methods the resource has; HEAD answers as GET
            methods = [m.strip() for m in headers.get("Allow", "GET").split(",")]
            headers["Allow"] = ", ".join(methods + (["HEAD"] if "GET" in methods and "HEAD" not in methods else []))
        return _error(request, exc.status_code, "not found" if exc.status_code == 404 else str(exc.detail),
                      headers=headers)

    def _error(request: Request, status: int, message: str, headers: dict[str, str] | None = None, **extra):
        if request.url.path.startswith("/api") or request.url.path.startswith("/openapi"):
            return JSONResponse({"error": message, "status": status, **extra}, status_code=status, headers=headers)
        lang = request.query_params.get("lang", "en")
        lang = lang if lang in envs else "en"
        html = envs[lang].get_template("error.html").render(status=status, message=message, switch_url="/", path="")
        return HTMLResponse(html, status_code=status, headers=headers)

    # -- API -----------------------------------------------------------------------------
    @app.get("/api/ecosystems", tags=["ecosystems"], summary="List the analysed ecosystems")
    def api_ecosystems(w: WS, limit: Limit = 100, offset: Offset = 0) -> dict[str, Any]:
        rows = ecosystems(w)
        for r in rows:
            r["definition"] = json.loads(r["definition"])
            r["computed_at"] = r["computed_at"].isoformat()
        return {"total": len(rows), "limit": limit, "offset": offset, "items": rows[offset:offset + limit]}

    @app.get("/api/ecosystems/{eco_id}", tags=["ecosystems"], summary="Definition, nesting and size of an ecosystem")
    def api_ecosystem(eco_id: EcoId, w: WS) -> dict[str, Any]:
        d = ecosystem_detail(w, eco_id)
        d["computed_at"] = d["computed_at"].isoformat()
        return d

    @app.get("/api/ecosystems/{eco_id}/summary", tags=["ecosystems"], summary="Headline figures")
    def api_summary(eco_id: EcoId, w: WS) -> dict[str, Any]:
        return summary(w, eco_id)

    @app.get("/api/ecosystems/{eco_id}/indicators", tags=["indicators"],
             summary="Indicator values with method and provenance (all years, or one start year)")
    def api_indicators(eco_id: EcoId, w: WS, year: Year = None, programme: ProgrammeQ = "all") -> dict[str, Any]:
        from innovatlas.analysis import ecosystem_coverage
        from innovatlas.programmes import breakdown_for

        cov = ecosystem_coverage(w, eco_id)  # lower bound and partial years (issue 9)
        from innovatlas.analysis import _unit

        items = indicator_values(w, eco_id, year=year)
        if breakdown_for(programme) != "":  # one programme: its values (issue 19), else every value
            items = [r for r in items if r["breakdown"] == breakdown_for(programme)]
        return {"ecosystem": eco_id, "year": year, "programme": programme, "items": items,
                "lower_bound": cov["lower_bound"], "left_out": cov["left_out"], "note": cov["note_en"] or "",
                "partial_note": cov["partial_note_en"] or "", "unit": _unit(w)}  # what the counts count (issue 14)

    @app.get("/api/ecosystems/{eco_id}/series", tags=["indicators"], summary="Time series of one measure")
    def api_series(eco_id: EcoId, w: WS,
                   measure: Annotated[str, Query(pattern=r"^[a-z0-9_]{1,60}$")] = "participations",
                   breakdown: Annotated[str, Query(pattern=r"^[A-Za-z0-9_:?]{0,60}$")] = "",
                   programme: ProgrammeQ = "all") -> dict[str, Any]:
        from innovatlas.analysis import partial_note
        from innovatlas.programmes import breakdown_for

        stored = breakdown_for(programme, breakdown)  # the programme's values are stored as breakdown programme:<code>
        return {"ecosystem": eco_id, "measure": measure, "breakdown": breakdown, "programme": programme,
                "items": indicator_series(w, eco_id, measure, stored), "note": partial_note(w) or ""}

    @app.get("/api/ecosystems/{eco_id}/overlaps", tags=["ecosystems"], summary="Shared organisations and Jaccard index")
    def api_overlaps(eco_id: EcoId, w: WS) -> dict[str, Any]:
        return {"ecosystem": eco_id, "items": overlaps(w, eco_id)}

    @app.get("/api/ecosystems/{eco_id}/organisations", tags=["organisations"], summary="Members, paginated")
    def api_members(eco_id: EcoId, w: WS, limit: Limit = 50, offset: Offset = 0,
                    sort: Literal["participations", "ec_contribution_eur", "name", "betweenness", "degree"] = "participations"):
        return organisations_of(w, eco_id, limit=limit, offset=offset, sort=sort)

    @app.get("/api/ecosystems/{eco_id}/network", tags=["network"],
             summary="Nodes (type, community, metrics, position) and weighted edges, filtered")
    def api_network(eco_id: EcoId, w: WS, year_from: Year = None, year_to: Year = None,
                    activity_type: Annotated[list[Literal["HES", "REC", "PRC", "PUB", "OTH"]] | None, Query()] = None,
                    partners: bool = False, compact: bool = False, programme: ProgrammeQ = "all"):
        data = network_data(w, eco_id, year_from=year_from, year_to=year_to, activity_types=activity_type,
                            partners=partners, compact=compact, programme=programme)
        return Response(json.dumps(data, separators=(",", ":")), media_type="application/json")

    @app.get("/api/ecosystems/{eco_id}/network/view", tags=["network"], response_class=Response,
             responses={200: {"content": {"application/octet-stream": {}}}, 304: {"description": "Not modified (If-None-Match)"}},
             summary="Level-of-detail network (binary, see innovatlas.network.view): every node with its position, "
                     "the strongest links up to max_links (whole joint-project classes), filtered")
    def api_network_view(request: Request, eco_id: EcoId, w: WS, year_from: Year = None, year_to: Year = None,
                         activity_type: Annotated[list[Literal["HES", "REC", "PRC", "PUB", "OTH"]] | None, Query()] = None,
                         max_links: Annotated[int, Query(ge=1, le=5_000_000)] = 50_000, programme: ProgrammeQ = "all"):
        from innovatlas.network.view import respond

        return Response(**respond(w, eco_id, request.headers, year_from=year_from, year_to=year_to,
                                  activity_types=activity_type, max_links=max_links, programme=programme))

    @app.get("/api/ecosystems/{eco_id}/network/view/links", tags=["network"], response_class=Response,
             responses={200: {"content": {"application/octet-stream": {}}}, 304: {"description": "Not modified (If-None-Match)"}},
             summary="More links of the level-of-detail network: min_weight <= joint projects < below (binary)")
    def api_network_view_links(request: Request, eco_id: EcoId, w: WS,
                               min_weight: Annotated[int, Query(ge=1, le=1_000_000)],
                               below: Annotated[int | None, Query(ge=2, le=1_000_000)] = None,
                               year_from: Year = None, year_to: Year = None,
                               activity_type: Annotated[list[Literal["HES", "REC", "PRC", "PUB", "OTH"]] | None, Query()] = None,
                               programme: ProgrammeQ = "all"):
        from innovatlas.network.view import respond

        return Response(**respond(w, eco_id, request.headers, links=True, min_weight=min_weight, below=below,
                                  year_from=year_from, year_to=year_to, activity_types=activity_type,
                                  programme=programme))

    @app.get("/api/ecosystems/{eco_id}/diagnosis", tags=["diagnosis"],
             summary="The ten challenges and the failure rationales: verdict, evidence, explanation (nl/en)")
    def api_diagnosis(eco_id: EcoId, w: WS) -> dict[str, Any]:
        from innovatlas.diagnose import findings_of

        ecosystem_detail(w, eco_id)
        return {"ecosystem": eco_id, "items": findings_of(w, eco_id)}

    @app.get("/api/ecosystems/{eco_id}/inputs", tags=["indicators"],
             summary="Imported and survey values, after disclosure control")
    def api_inputs(eco_id: EcoId, w: WS) -> dict[str, Any]:
        from innovatlas.disclosure import disclosed_inputs

        ecosystem_detail(w, eco_id)
        rows = disclosed_inputs(w, eco_id)
        for r in rows:
            r["imported_at"] = r["imported_at"].isoformat()
        return {"ecosystem": eco_id, "items": rows}

    @app.get("/api/ecosystems/{eco_id}/history", tags=["indicators"],
             summary="Every imported value with who entered it and when (disclosure applied)")
    def api_history(eco_id: EcoId, w: WS) -> dict[str, Any]:
        from innovatlas.inputs import history

        ecosystem_detail(w, eco_id)
        rows = history(w, eco_id)
        for r in rows:
            for k in ("imported_at", "superseded_at"):
                r[k] = r[k].isoformat() if r[k] else None
        return {"ecosystem": eco_id, "items": rows}

    @app.get("/api/ecosystems/{eco_id}/qualitative", tags=["indicators"], summary="Qualitative entries with evidence")
    def api_qualitative(eco_id: EcoId, w: WS) -> dict[str, Any]:
        from innovatlas.inputs import qualitative

        ecosystem_detail(w, eco_id)
        return {"ecosystem": eco_id, "items": qualitative(w, eco_id)}

    @app.get("/api/ecosystems/{eco_id}/targets", tags=["indicators"], summary="Own targets, distance and trend")
    def api_targets(eco_id: EcoId, w: WS, lang: Lang = "en") -> dict[str, Any]:
        from innovatlas.monitor import progress_to_targets

        return {"ecosystem": eco_id, "items": progress_to_targets(w, eco_id, lang)}

    @app.get("/api/ecosystems/{eco_id}/composite", tags=["indicators"],
             summary="Composite view against the ecosystem's own past and targets (or, with compare, between ecosystems)")
    def api_composite(eco_id: EcoId, w: WS, lang: Lang = "en",
                      compare: Annotated[list[EcoIdItem] | None, Query(max_length=30)] = None,
                      include_partial: Annotated[bool, Query(description="Show the partial start years (after the "
                                                                         "data end) too, flagged")] = False) -> dict[str, Any]:
        from innovatlas.monitor import composite_compare, composite_view

        if compare:
            for c in compare:
                if not re.fullmatch(r"[a-z0-9][a-z0-9_-]{0,62}", c):
                    raise BadParameter(f"'{c}' is not an ecosystem id")
            return composite_compare(w, [eco_id] + compare, runs=200)
        return composite_view(w, eco_id, lang, include_partial=include_partial)

    @app.get("/api/ecosystems/{eco_id}/context", tags=["indicators"],
             summary="Regional statistics (Regional Innovation Scoreboard) of the regions the members are in")
    def api_context(eco_id: EcoId, w: WS) -> dict[str, Any]:
        from innovatlas.sources.ris import regional_context

        ecosystem_detail(w, eco_id)
        return {"ecosystem": eco_id, "items": regional_context(w, eco_id)}

    @app.get("/api/indicators", tags=["indicators"],
             summary="The 50-indicator catalogue and user-defined indicators, with how each gets its value")
    def api_catalogue(w: WS) -> dict[str, Any]:
        from innovatlas.inputs import catalogue_with_sources

        rows = catalogue_with_sources(w)
        return {"total": len(rows), "items": rows}

    @app.get("/api/organisations/{pic}/portfolio", tags=["decisions"],
             summary="Collaboration portfolio of an organisation (seed 003), from its joint projects")
    def api_portfolio(pic: Pic, w: WS) -> dict[str, Any]:
        from innovatlas.assess import portfolio
        from innovatlas.assess.inputs import PortfolioInput

        organisation_detail(w, pic, partners=1, projects=1)
        return portfolio.assess(w, PortfolioInput(name=f"pic-{pic}", organisation=pic))

    @app.get("/api/organisations/{pic}/valorisation", tags=["decisions"],
             summary="Valorisation profile (push / exchange / serve, seed 004) of a knowledge institution")
    def api_valorisation(pic: Pic, w: WS) -> dict[str, Any]:
        from innovatlas.assess import valorisation
        from innovatlas.assess.inputs import ValorisationInput

        organisation_detail(w, pic, partners=1, projects=1)
        return valorisation.assess(w, ValorisationInput(name=f"pic-{pic}", institution=pic))

    @app.get("/api/assessments", tags=["decisions"], summary="Stored assessments and their versions")
    def api_assessments(w: WS) -> dict[str, Any]:
        from innovatlas.assess import list_assessments

        rows = list_assessments(w)
        return {"total": len(rows), "items": rows}

    @app.get("/api/assessments/{name}", tags=["decisions"], summary="One stored assessment (latest or a given version)")
    def api_assessment(name: Annotated[str, PathParam(pattern=r"^[a-z0-9][a-z0-9_-]{0,62}$")], w: WS,
                       version: Annotated[int | None, Query(ge=1)] = None) -> dict[str, Any]:
        return _assessment(w, name, version)

    @app.get("/api/assessments/{name}/compare", tags=["decisions"], summary="What changed between two versions")
    def api_assessment_compare(name: Annotated[str, PathParam(pattern=r"^[a-z0-9][a-z0-9_-]{0,62}$")], w: WS,
                               old: Annotated[int, Query(alias="from", ge=1)], new: Annotated[int, Query(alias="to", ge=1)]):
        from innovatlas.assess import compare_versions

        _assessment(w, name, old)
        _assessment(w, name, new)
        return {"name": name, "from": old, "to": new, "changes": compare_versions(w, name, old, new)}

    @app.get("/api/assessments/{name}/report.{fmt}", tags=["decisions"], summary="The assessment as HTML or PDF",
             response_class=Response, responses=_content("text/html; charset=utf-8", "application/pdf"))
    def api_assessment_report(name: Annotated[str, PathParam(pattern=r"^[a-z0-9][a-z0-9_-]{0,62}$")],
                              fmt: Literal["html", "pdf"], w: WS, lang: Lang = "en",
                              version: Annotated[int | None, Query(ge=1)] = None):
        from innovatlas.report.decisions import render_html, render_pdf

        a = _assessment(w, name, version)
        html = render_html(a["kind"], dict(a["result"], version=a["version"]), lang)
        if fmt == "html":
            return HTMLResponse(html)
        return Response(render_pdf(html), media_type="application/pdf",
                        headers=attachment(f"{name}-v{a['version']}-{lang}.pdf"))

    @app.get("/api/organisations", tags=["organisations"], summary="Search organisations by name, PIC or city")
    def api_search(w: WS, q: Annotated[str, Query(max_length=200)] = "",
                   city: Annotated[str | None, Query(max_length=100)] = None,
                   country: Annotated[str | None, Query(pattern=r"^[A-Za-z]{2}$")] = None,
                   limit: Limit = 20, offset: Offset = 0) -> dict[str, Any]:
        return search_organisations(w, q, city=city, country=country, limit=limit, offset=offset)

    @app.get("/api/organisations/{pic}", tags=["organisations"], summary="An organisation: partners, projects, ecosystems")
    def api_organisation(pic: Pic, w: WS) -> dict[str, Any]:
        return organisation_detail(w, pic)

    @app.get("/api/compare", tags=["ecosystems"], summary="Two ecosystems side by side")
    def api_compare(w: WS, a: Annotated[str, Query(pattern=r"^[a-z0-9][a-z0-9_-]{0,62}$", openapi_examples={"delft": {"value": "delft"}})],
                    b: Annotated[str, Query(pattern=r"^[a-z0-9][a-z0-9_-]{0,62}$", openapi_examples={"eindhoven": {"value": "eindhoven"}})]) -> dict[str, Any]:
        shared = [o for o in overlaps(w, a) if b in (o["a"], o["b"])]
        return {"a": summary(w, a), "b": summary(w, b), "shared_organisations": shared[0]["shared"] if shared else 0,
                "jaccard": shared[0]["jaccard"] if shared else 0.0}

    @app.get("/api/map/{level}", tags=["map"], summary="GeoJSON of a region level with a measure per region",
             response_class=Response, responses=GEOJSON)
    def api_map(level: Literal["province", "corop", "municipality"], w: WS,
                measure: Literal["organisations", "participations", "projects", "ec_contribution_eur"] = "organisations"):
        return Response(exports.to_geojson(map_layer(w, level, measure)), media_type=MEDIA["geojson"])

    @app.get("/api/coverage", tags=["ecosystems"],
             summary="The period every imported source covers: data end, where it comes from, partial start years")
    def api_coverage(w: WS) -> dict[str, Any]:
        from innovatlas.analysis import coverage_periods, data_end, partial_years

        return {"data_end": data_end(w), "partial_years": sorted(partial_years(w)), "items": coverage_periods(w)}

    @app.get("/api/placement", tags=["map"], summary="How many Dutch organisations could be placed, and why not")
    def api_placement(w: WS) -> dict[str, Any]:
        from innovatlas.registry.coverage import registry_coverage  # named/placed/linked per source (issue 14)

        return {**placement(w), "registry": registry_coverage(w)}

    @app.get("/api/download/map/{level}.geojson", tags=["downloads"], summary="Download a map layer as GeoJSON",
             response_class=Response, responses=GEOJSON)
    def api_download_map(level: Literal["province", "corop", "municipality"], w: WS,
                         measure: Literal["organisations", "participations", "projects", "ec_contribution_eur"] = "organisations"):
        return Response(exports.to_geojson(map_layer(w, level, measure)), media_type=MEDIA["geojson"],
                        headers=attachment(f"innovatlas-{level}-{measure}.geojson"))

    @app.get("/api/download/{eco_id}/{filename}", tags=["downloads"],
             summary="Download organisations, indicators or the network: organisations.csv|xlsx, "
                     "indicators.csv|xlsx, network.gexf|graphml|vosviewer.json|csv",
             response_class=Response, responses=_content(*dict.fromkeys(MEDIA[f] for f in ("csv", "xlsx", "gexf", "vosviewer.json"))))
    def api_download(eco_id: EcoId, w: WS,
                     filename: Annotated[str, PathParam(pattern=r"^(organisations\.(csv|xlsx)|indicators\.(csv|xlsx)|network\.(gexf|graphml|vosviewer\.json|csv))$")],
                     year_from: Year = None, year_to: Year = None):
        what, fmt = filename.split(".", 1)
        if fmt not in DOWNLOADS[what]:
            raise BadParameter(f"{what} can be downloaded as {', '.join(DOWNLOADS[what])}, not {fmt}")
        body = _download_body(w, eco_id, what, fmt, year_from, year_to)
        return Response(body, media_type=MEDIA[fmt], headers=attachment(f"innovatlas-{eco_id}-{what}.{fmt}"))

    @by_stamp(maxsize=32, copy_result=False)  # bodies (bytes/str) of the latest downloads; bounded (issue 13)
    def _download_body(w: Workspace, eco_id: str, what: str, fmt: str, year_from: int | None,
                       year_to: int | None) -> bytes | str:
        from innovatlas.explore import download_readme, indicator_download, organisations_download

        if what == "organisations":  # one row per member; the lower-bound note on every row and in README
            rows = organisations_download(w, eco_id)
            body: bytes | str = (exports.to_csv(rows) if fmt == "csv" else
                                 exports.to_xlsx({"organisations": rows, "README": download_readme(w, eco_id)}))
        elif what == "indicators":  # one row per key, as the JSON API (issue 9, point 1)
            sheets = indicator_download(w, eco_id)
            body = exports.to_csv(sheets["indicators"]) if fmt == "csv" else exports.to_xlsx(sheets)
        else:
            net = network_data(w, eco_id, year_from=year_from, year_to=year_to)
            body = {"gexf": exports.to_gexf, "graphml": exports.to_graphml,
                    "vosviewer.json": lambda n: json.dumps(exports.to_vosviewer(n)),
                    "csv": lambda n: exports.to_csv(n["edges"])}[fmt](net)
        return body

    # -- pages -------------------------------------------------------------------------------
    @app.get("/docs", response_class=HTMLResponse, include_in_schema=False)
    def docs(request: Request, lang: Lang = "en"):
        """API reference rendered from the OpenAPI schema, offline."""
        spec = app.openapi()
        ops = [{"method": m.upper(), "path": p, **op} for p, item in spec["paths"].items() for m, op in item.items()]
        return page(request, "api.html", lang, spec=spec, ops=ops)


    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def home(request: Request, w: WS, lang: Lang = "en",
             level: Literal["province", "corop", "municipality"] = "province",
             measure: Literal["organisations", "participations", "projects", "ec_contribution_eur"] = "organisations"):
        key = (w.stamp(), "/", lang, level, measure)  # read-only app: the home page changes only with the workspace
        return page(request, "home.html", lang, **cached_page(key, lambda: _home_data(w, lang, level, measure)))

    def _home_data(w: Workspace, lang: str, level: str, measure: str) -> dict[str, Any]:
        from innovatlas.analysis import ecosystem_coverage

        rows = [{"eco": e, "name": e["name_en"] if lang == "en" else e["name_nl"],
                 "s": dict(e, coverage=ecosystem_coverage(w, e["ecosystem_id"]))} for e in headlines(w)
                if not e["ecosystem_id"].startswith("eu-")]  # the EU-wide ones are listed on /europe (issue 11)
        by_id = {r["eco"]["ecosystem_id"]: r["s"] for r in rows}
        try:
            layer = map_layer(w, level, measure)
            points = knowledge_city_points(w)
            for p in points:
                p["value"] = (by_id.get(p["ecosystem_id"]) or {}).get(measure, 0)
            svg = choropleth_svg(layer, points, title=t("map_title", lang), link=f"/ecosystems/{{id}}?lang={lang}",
                                 region_link=f"/organisations?region={{code}}&lang={lang}",
                                 fmt=lambda v: number(v, lang))
        except NotFound:
            svg = None
        return dict(rows=rows, map_svg=svg, level=level, measure=measure, levels=MAP_LEVELS, measures=MAP_MEASURES)

    page_cache: OrderedDict[tuple, dict[str, Any]] = OrderedDict()
    page_lock = threading.Lock()

    def cached_page(key: tuple, make) -> dict[str, Any]:
        """The data of a page, least recently used dropped past PAGE_CACHE entries (bounded, issue 13)."""
        with page_lock:
            if key in page_cache:
                page_cache.move_to_end(key)
                return page_cache[key]
        data = make()
        with page_lock:
            page_cache[key] = data
            while len(page_cache) > PAGE_CACHE:
                page_cache.popitem(last=False)
        return data

    app.state.page_cache = page_cache  # for tests

    @app.get("/ecosystems/{eco_id}", response_class=HTMLResponse, include_in_schema=False)
    def ecosystem_page(request: Request, eco_id: EcoId, w: WS, lang: Lang = "en", programme: ProgrammeQ = "all"):
        key = (w.stamp(), eco_id, lang, programme)  # the app is read-only: a page's data changes only with the workspace
        return page(request, "ecosystem.html", lang,
                    **cached_page(key, lambda: ecosystem_page_data(w, eco_id, lang, programme=programme)))

    @app.get("/ecosystems/{eco_id}/network", response_class=HTMLResponse, include_in_schema=False)
    def network_page(request: Request, eco_id: EcoId, w: WS, lang: Lang = "en"):
        eco = ecosystem_detail(w, eco_id)
        years = w.rows(Q.SCOPE_YEARS(eco_id))[0]
        from innovatlas.programmes import ecosystem_programmes

        return page(request, "network.html", lang, eco=eco, name=eco["name_en"] if lang == "en" else eco["name_nl"],
                    years=years, programmes=ecosystem_programmes(w, eco_id))

    # -- European overview (issue 11, point 4): the ecosystem of every country (and NUTS-2 region) in the data --
    @app.get("/api/europe", tags=["ecosystems"],
             summary="European overview: headline and network figures of every country's (and NUTS-2 region's) ecosystem")
    def api_europe(w: WS, lang: Lang = "en") -> dict[str, Any]:
        from innovatlas.europe import europe_overview

        return europe_overview(w, lang)

    @app.get("/europe", response_class=HTMLResponse, include_in_schema=False)
    def europe_page(request: Request, w: WS, lang: Lang = "en"):
        from innovatlas.europe import europe_page_data

        key = (w.stamp(), "/europe", lang)  # read-only app: the charts change only with the workspace
        data = cached_page(key, lambda: europe_page_data(w, lang))
        return page(request, "europe.html", lang, europe=data, charts=data["charts"], legend=data["legend"])

    @app.get("/organisations", response_class=HTMLResponse, include_in_schema=False)
    def search_page(request: Request, w: WS, lang: Lang = "en", q: Annotated[str, Query(max_length=200)] = "",
                    offset: Offset = 0, region: Annotated[str | None, Query(pattern=r"^(GM|CR|PV)[0-9]{2,4}$")] = None):
        res = search_organisations(w, q, limit=50, offset=offset, region=region) if (q or region) else None
        region_eco = None
        if region:  # a knowledge-city municipality: offer its ecosystem too
            for p in knowledge_city_points(w):
                if p["code"] == region:
                    eco = next((e for e in ecosystems(w) if e["ecosystem_id"] == p["ecosystem_id"]), None)
                    if eco:
                        region_eco = {"ecosystem_id": eco["ecosystem_id"], "name": eco["name_en"] if lang == "en" else eco["name_nl"]}
        return page(request, "search.html", lang, q=q, res=res, region_eco=region_eco)

    @app.get("/organisations/{pic}", response_class=HTMLResponse, include_in_schema=False)
    def organisation_page(request: Request, pic: Pic, w: WS, lang: Lang = "en"):
        org = organisation_detail(w, pic)
        if org.get("name_source"):  # "dataset: /path/to/file.csv" -> the dataset and the file's name, no internal path
            dataset, _sep, file = str(org["name_source"]).partition(": ")
            org["name_source"] = f"{dataset} ({Path(file.replace(chr(92), '/')).name})" if file else dataset
        org["placement"] = placement_label(org.get("placement"), lang)
        fy = org["funding_by_year"]
        chart = line_chart({t("participations", lang): [(r["year"], r["participations"], r.get("partial")) for r in fy],
                            t("ec_contribution_meur", lang): [(r["year"], None if r["ec_contribution_eur"] is None
                                                               else r["ec_contribution_eur"] / 1e6, r.get("partial")) for r in fy]},
                           title=t("funding_over_time", lang), lang=lang, partial_years=_partial_years(w, None))
        partners = bar_chart([(_short(p["label"]), p["joint_projects"], p["label"]) for p in org["partners"][:12]],
                             title=t("partners", lang), lang=lang, x_title=t("joint_projects", lang))
        from innovatlas.publications.views import organisation_section, template_helpers as _pub_helpers
        from innovatlas.programmes import organisation_attributes  # VAT, legal name, SME, NUTS-3 with source (issue 19)

        attributes = [dict(a, file=Path(a["file"].replace(chr(92), "/")).name) for a in organisation_attributes(w, pic)]
        return page(request, "organisation.html", lang, org=org, chart=chart, partners_chart=partners,
                    attributes=attributes, pubs=organisation_section(w, pic, lang),
                    **_pub_helpers(lang))  # publications next to projects (issue 15)

    @app.get("/organisations/{pic}/{tool}", response_class=HTMLResponse, include_in_schema=False)
    def decision_page(request: Request, pic: Pic,
                      tool: Literal["portfolio", "valorisation"], w: WS, lang: Lang = "en"):
        from innovatlas.assess import portfolio, valorisation
        from innovatlas.assess.inputs import PortfolioInput, ValorisationInput
        from innovatlas.report.decisions import render_html

        organisation_detail(w, pic, partners=1, projects=1)
        result = (portfolio.assess(w, PortfolioInput(name=f"pic-{pic}", organisation=pic)) if tool == "portfolio"
                  else valorisation.assess(w, ValorisationInput(name=f"pic-{pic}", institution=pic)))
        return page(request, "decision.html", lang, body=Markup(_body(render_html(tool, result, lang))), title=tool)

    @app.get("/assessments", response_class=HTMLResponse, include_in_schema=False)
    def assessments_page(request: Request, w: WS, lang: Lang = "en"):
        from innovatlas.assess import list_assessments

        return page(request, "assessments.html", lang, rows=list_assessments(w))

    @app.get("/assessments/{name}", response_class=HTMLResponse, include_in_schema=False)
    def assessment_page(request: Request, name: Annotated[str, PathParam(pattern=r"^[a-z0-9][a-z0-9_-]{0,62}$")], w: WS,
                        lang: Lang = "en", version: Annotated[int | None, Query(ge=1)] = None):
        from innovatlas.report.decisions import render_html

        a = _assessment(w, name, version)
        body = _body(render_html(a["kind"], dict(a["result"], version=a["version"]), lang))
        return page(request, "decision.html", lang, body=Markup(body), title=name, assessment=a)

    @app.get("/compare", response_class=HTMLResponse, include_in_schema=False)
    def compare_page(request: Request, w: WS, lang: Lang = "en",
                     a: Annotated[str, Query(pattern=r"^[a-z0-9][a-z0-9_-]{0,62}$")] = "eindhoven",
                     b: Annotated[str, Query(pattern=r"^[a-z0-9][a-z0-9_-]{0,62}$")] = "delft"):
        sa, sb = summary(w, a), summary(w, b)
        shared = [o for o in overlaps(w, a) if b in (o["a"], o["b"])]
        ecos = [(e["ecosystem_id"], e["name_en"] if lang == "en" else e["name_nl"]) for e in ecosystems(w)]
        return page(request, "compare.html", lang, a=a, b=b, sa=sa, sb=sb, ecos=ecos,
                    shared=shared[0] if shared else None)

    # -- organisation registry (issue 14): matches to review; read-only, decisions stay in the CLI ----------
    def _matches(w, uncertain: bool, limit: int, offset: int) -> dict[str, Any]:
        import json as _json

        from innovatlas.registry import registry_summary
        from innovatlas.registry.review import list_matches

        rows = list_matches(w, uncertain=uncertain, limit=limit + offset + 1)[offset:]
        for r in rows:
            r["ev"] = _json.loads(r.pop("evidence") or "{}")
        return {"summary": registry_summary(w), "rows": rows[:limit], "more": len(rows) > limit}

    @app.get("/api/matches", tags=["organisations"],
             summary="Matches between CORDIS organisations and ROR records, with score, method and evidence")
    def api_matches(w: WS, uncertain: bool = False, limit: Annotated[int, Query(ge=1, le=1000)] = 100, offset: Offset = 0):
        return _matches(w, uncertain, limit, offset)

    @app.get("/matches", response_class=HTMLResponse, include_in_schema=False)
    def matches_page(request: Request, w: WS, lang: Lang = "en", uncertain: bool = True, offset: Offset = 0):
        from innovatlas.registry.texts import method_label, status_label

        data = _matches(w, uncertain, 100, offset)
        for r in data["rows"]:  # status and method in the page's language
            r["status"], r["method"] = status_label(r["status"], lang), method_label(r["method"], lang)
        return page(request, "matches.html", lang, uncertain=uncertain, offset=offset, limit=100, **data)

    from innovatlas.connect.web import add_routes as _connect_routes

    _connect_routes(app, page)  # connection agenda: /api/connections/*, /connections, consortium builder
    from innovatlas.programmes.web import add_routes as _programme_routes

    _programme_routes(app, page)  # framework programmes: /api/programmes, continuity, series per programme (issue 19)
    from innovatlas.framework.web import add_routes as _framework_routes

    _framework_routes(app, page)  # facilities, startups and finance, rules (issue 19)
    __import__("innovatlas.accounts.web").accounts.web.add_routes(app, page)  # issue 12: accounts, editing, cycles, community
    from innovatlas.publications.web import add_routes as _publication_routes

    _publication_routes(app, page)  # publications, co-publication and heterogeneous networks (issue 15)
    if allowed_hosts is not None:  # a Host header naming another site gets 400 (no host is ever echoed back)
        from starlette.middleware.trustedhost import TrustedHostMiddleware

        app.add_middleware(TrustedHostMiddleware, allowed_hosts=allowed_hosts, www_redirect=False)
    app.add_middleware(_lowercase_ids)
    app.add_middleware(Hardening)  # outermost: security headers, body limit, relative redirects, HEAD (issue 13)
    return app
