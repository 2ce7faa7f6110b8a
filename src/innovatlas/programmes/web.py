"""API routes for the framework programmes (issue 19, item 4), added to the app by :func:`add_routes`.

They show only open CORDIS / Horizon Dashboard counts, never the user's confidential inputs (those go
through :mod:`innovatlas.disclosure` on the routes that show them); the routes are in the disclosure
path test all the same.
"""

from __future__ import annotations

from typing import Annotated, Any, Callable

from fastapi import FastAPI, Path as PathParam, Query
from fastapi.responses import HTMLResponse

from innovatlas.web.app import WS, EcoId

__all__ = ["add_routes"]

Pic = Annotated[int, PathParam(ge=1, le=10**12, description="The organisation's PIC")]


def add_routes(app: FastAPI, page: Callable[..., HTMLResponse]) -> None:
    @app.get("/api/programmes", tags=["programmes"],
             summary="The framework programmes in the workspace (FP7, H2020, HORIZON): start years, datasets, samples")
    def api_programmes(w: WS) -> dict[str, Any]:
        from innovatlas.programmes import coverage_statement, programmes

        return {"items": programmes(w), "statement_en": coverage_statement(w, "en"),
                "statement_nl": coverage_statement(w, "nl")}

    @app.get("/api/continuity", tags=["programmes"],
             summary="Who took part in which programme, and who stayed, entered and left, in the whole workspace")
    def api_continuity_all(w: WS, limit: Annotated[int, Query(ge=0, le=500)] = 20) -> dict[str, Any]:
        from innovatlas.programmes import continuity

        return continuity(w, None, list_limit=limit)

    @app.get("/api/ecosystems/{eco_id}/continuity", tags=["programmes"],
             summary="An ecosystem's organisations across programmes: who stayed, entered and left")
    def api_continuity(eco_id: EcoId, w: WS, limit: Annotated[int, Query(ge=0, le=500)] = 20) -> dict[str, Any]:
        from innovatlas.programmes import continuity

        return continuity(w, eco_id, list_limit=limit)

    @app.get("/api/ecosystems/{eco_id}/series/programmes", tags=["programmes"],
             summary="A measure per start year, one series per framework programme (labelled by programme)")
    def api_series_by_programme(eco_id: EcoId, w: WS,
                                measure: Annotated[str, Query(pattern=r"^[a-z0-9_]{1,60}$")] = "participations"):
        from innovatlas.analysis import partial_note
        from innovatlas.programmes import series_by_programme

        return {"ecosystem": eco_id, "measure": measure, "series": series_by_programme(w, eco_id, measure),
                "note": partial_note(w) or ""}

    @app.get("/api/organisations/{pic}/attributes", tags=["organisations"],
             summary="An organisation's attributes (VAT, legal name, SME flag, NUTS-3, ...) with the file and row of each")
    def api_attributes(pic: Pic, w: WS) -> dict[str, Any]:
        from innovatlas.programmes import organisation_attributes

        return {"pic": pic, "items": organisation_attributes(w, pic)}

    @app.get("/api/organisations/{pic}/programmes", tags=["organisations"],
             summary="The framework programmes an organisation took part in, and whether it stayed, entered or left")
    def api_organisation_programmes(pic: Pic, w: WS) -> dict[str, Any]:
        from innovatlas.programmes import organisation_programmes

        return organisation_programmes(w, pic)
