"""API routes of the framework data (issue 19), added by :func:`add_routes`; the dashboard shows the section on the
ecosystem page (``_framework_eco.html``). Every figure comes through :mod:`innovatlas.framework.views` (disclosed)."""

from __future__ import annotations

from typing import Any, Callable

from fastapi import FastAPI
from fastapi.responses import HTMLResponse

from innovatlas.web.app import WS, EcoId, Lang

__all__ = ["add_routes"]


def add_routes(app: FastAPI, page: Callable[..., HTMLResponse]) -> None:
    @app.get("/api/ecosystems/{eco_id}/framework", tags=["framework"],
             summary="Facilities, startups and finance, rules, and indicators #6-#8, #21, #27, #28, #46, #47, #50 "
                     "(confidential figures withheld)")
    def api_framework(eco_id: EcoId, w: WS, lang: Lang = "en") -> dict[str, Any]:
        from innovatlas.framework.views import section

        return section(w, eco_id, lang)

    @app.get("/api/ecosystems/{eco_id}/facilities.geojson", tags=["framework"],
             summary="The ecosystem's facilities as GeoJSON points")
    def api_facilities(eco_id: EcoId, w: WS, lang: Lang = "en") -> dict[str, Any]:
        from innovatlas.framework.views import facilities_geojson, section

        section(w, eco_id, lang)  # 404 for an unknown ecosystem
        return facilities_geojson(w, eco_id, lang)

    @app.get("/api/vocabulary", tags=["framework"],
             summary="The framework's vocabulary: actor types, activities, relations, facilities, rules, value, instruments")
    def api_vocabulary(lang: Lang = "en") -> dict[str, Any]:
        from innovatlas.model.vocabulary import KINDS, vocabulary_rows

        return {"kinds": {k: v[0 if lang == "en" else 1] for k, v in KINDS.items()}, "items": vocabulary_rows(lang)}
