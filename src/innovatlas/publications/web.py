"""API routes and dashboard pages of the publications (issue 15), added to the app by :func:`add_routes`.

/api/ecosystems/{id}/publications, /api/organisations/{pic}/publications, /api/ecosystems/{id}/links (the
heterogeneous network, ``?type=`` to keep link types), downloads ``/api/ecosystems/{id}/copublications.gexf|graphml|
vosviewer.json`` and ``/api/ecosystems/{id}/download/links.gexf|graphml`` and ``links-<type>.vosviewer.json``, and the page
``/ecosystems/{id}/links`` (every link type in one network view, a filter and a colour per type)."""

from __future__ import annotations

import json
from typing import Annotated, Any, Callable, Literal

from fastapi import FastAPI, Path as PathParam, Query, Request
from fastapi.responses import HTMLResponse, Response

from innovatlas.web.app import WS, EcoId, Lang, Pic

__all__ = ["add_routes"]

TypeQ = Annotated[list[Literal["joint_project", "co_publication", "dual_appointment", "funding", "spin_off",
                               "facility_use", "membership"]] | None, Query(description="Keep only these link types")]
MEDIA = {"gexf": "application/xml", "graphml": "application/xml", "json": "application/json"}


_CACHE: dict[tuple, dict[str, Any]] = {}


def _network(w, eco_id: str, types: list[str] | None = None) -> dict[str, Any]:
    """The heterogeneous network, cached per workspace state (the app is read-only; Leiden and the layout take
    about 2 s for the national network)."""
    from innovatlas.publications.network import heterogeneous_network

    key = (w.path, w.stamp(), eco_id, tuple(sorted(types or ())))
    if key not in _CACHE:
        if len(_CACHE) > 32:
            _CACHE.clear()
        _CACHE[key] = heterogeneous_network(w, eco_id, types or None)
    return _CACHE[key]


def _attach(body: str, name: str, fmt: str) -> Response:
    from innovatlas.web.hardening import attachment

    return Response(body, media_type=MEDIA[fmt], headers=attachment(name))  # a safe file name (issue 13)


#: the documented bodies of the network downloads (GEXF and GraphML are XML)
_DOWNLOAD = {200: {"description": "The file", "content": {"application/xml": {"schema": {"type": "string"}},
                                                          "application/json": {"schema": {"type": "object"}}}}}


def add_routes(app: FastAPI, page: Callable[..., HTMLResponse]) -> None:
    @app.get("/api/ecosystems/{eco_id}/publications", tags=["publications"],
             summary="Publications (#15 full and fractional), co-publications (#16: public-public, public-private, "
                     "international / EU / third-country shares), the dual-appointment proxy (#17), top partners")
    def api_publications(eco_id: EcoId, w: WS, top: Annotated[int, Query(ge=1, le=100)] = 10) -> dict[str, Any]:
        from innovatlas.explore import ecosystem_detail
        from innovatlas.publications import ecosystem_publications

        ecosystem_detail(w, eco_id)  # 404 for an unknown ecosystem
        d = ecosystem_publications(w, eco_id, top=top)
        d.pop("values")
        return d

    @app.get("/api/organisations/{pic}/publications", tags=["publications"],
             summary="One organisation's works per year (full and fractional counting) and co-publishing partners")
    def api_org_publications(pic: Pic, w: WS) -> dict[str, Any]:
        from innovatlas.explore import organisation_detail
        from innovatlas.publications import organisation_publications

        organisation_detail(w, pic, partners=1, projects=1)
        return organisation_publications(w, pic)

    @app.get("/api/ecosystems/{eco_id}/links", tags=["publications"],
             summary="The heterogeneous network: joint projects, co-publications and the user's relation types, "
                     "the type on every link; figures per type and combined")
    def api_links(eco_id: EcoId, w: WS, type: TypeQ = None) -> dict[str, Any]:  # noqa: A002
        from innovatlas.explore import ecosystem_detail
        ecosystem_detail(w, eco_id)
        return _network(w, eco_id, type)

    @app.get("/api/ecosystems/{eco_id}/copublications.{fmt}", tags=["downloads"], response_class=Response, responses=_DOWNLOAD,
             summary="The co-publication network as GEXF, GraphML or VOSviewer JSON (weight: joint works)")
    def api_copub_download(eco_id: EcoId, fmt: Literal["gexf", "graphml", "vosviewer.json"], w: WS):
        from innovatlas.explore import ecosystem_detail
        from innovatlas.publications import exports
        from innovatlas.publications.network import copublication_network

        ecosystem_detail(w, eco_id)
        net = copublication_network(w, eco_id) | {"description": "co-publication network"}
        name = f"innovatlas-{eco_id}-copublications.{fmt}"
        if fmt == "gexf":
            return _attach(exports.to_gexf(net), name, "gexf")
        if fmt == "graphml":
            return _attach(exports.to_graphml(net), name, "graphml")
        return _attach(json.dumps(exports.to_vosviewer_by_type(net).get("co_publication", {"network": {"items": [], "links": []}}),
                                  ensure_ascii=False), name, "json")

    @app.get("/api/ecosystems/{eco_id}/download/{filename}", tags=["downloads"], response_class=Response, responses=_DOWNLOAD, summary="The heterogeneous network: links.gexf, links.graphml (link type on every edge), links-<type>.vosviewer.json")
    def api_links_download(eco_id: EcoId, w: WS,
                           filename: Annotated[str, PathParam(pattern=r"^links(-[a-z_]{3,20}\.vosviewer\.json|\.gexf|\.graphml)$",
                                                               openapi_examples={"gexf": {"value": "links.gexf"}})]):
        from innovatlas.explore import NotFound, ecosystem_detail
        from innovatlas.publications import exports

        ecosystem_detail(w, eco_id)
        net = _network(w, eco_id) | {"description": "heterogeneous network (link type on every edge)"}
        name = f"innovatlas-{eco_id}-{filename}"
        if filename == "links.gexf":
            return _attach(exports.to_gexf(net), name, "gexf")
        if filename == "links.graphml":
            return _attach(exports.to_graphml(net), name, "graphml")
        kind = filename[len("links-"):-len(".vosviewer.json")]
        maps = exports.to_vosviewer_by_type(net)
        if kind not in maps:
            raise NotFound(f"no links of type '{kind}' in this ecosystem: use one of {', '.join(maps) or '(none)'}")
        return _attach(json.dumps(maps[kind], ensure_ascii=False), name, "json")

    @app.get("/ecosystems/{eco_id}/links", response_class=HTMLResponse, include_in_schema=False)
    def links_page(request: Request, eco_id: EcoId, w: WS, lang: Lang = "en"):
        from innovatlas.explore import ecosystem_detail
        from innovatlas.publications.network import LINK_COLOURS
        from innovatlas.publications.views import template_helpers

        eco = ecosystem_detail(w, eco_id)
        net = _network(w, eco_id)
        return page(request, "links.html", lang, eco=eco, name=eco["name_en"] if lang == "en" else eco["name_nl"],
                    figures=net["figures"], types=net["types"], colours=LINK_COLOURS, **template_helpers(lang))
