"""API routes and dashboard pages of the connection agenda, added to the app by :func:`add_routes`."""

from __future__ import annotations

from typing import Annotated, Any, Callable, Literal

from fastapi import FastAPI, Path as PathParam, Query, Request
from fastapi.responses import HTMLResponse, Response

from innovatlas.connect._common import THEME_NAMES
from innovatlas.connect.consortium import CHALLENGE_PROFILES
from innovatlas.connect.views import template_helpers
from innovatlas.web.app import WS, EcoId, EcoIdItem, Lang, _content
from innovatlas.web.hardening import attachment

__all__ = ["add_routes", "template_helpers"]

IdList = Annotated[list[EcoIdItem] | None, Query(max_length=40, description="Ecosystem ids (default: the 13 knowledge cities)")]
Scope = Literal["municipality", "adjacent"]
Ref = Literal["nl", "eu28", "all"]
Measure = Literal["participations", "organisations", "funding"]
YearQ = Annotated[int | None, Query(ge=1980, le=2100)]
ThemeQ = Annotated[str | None, Query(max_length=40, pattern=r"^[A-Za-z0-9 ]{1,40}$", description="An H2020 programme part "
                                     "(any case); the server checks it is in the data", json_schema_extra={"enum": sorted(THEME_NAMES)})]
ActQ = Literal["HES", "REC", "PRC", "PUB", "OTH"]
ChallengeQ = Annotated[int | None, Query(ge=1, le=10, description="A challenge (of the ten) that has a partner profile",
                                          json_schema_extra={"enum": sorted(CHALLENGE_PROFILES)})]
MEDIA = {"csv": "text/csv; charset=utf-8", "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
         "gexf": "application/xml"}


def _ids(ids: list[str] | None) -> list[str] | None:
    from innovatlas.explore import BadParameter
    import re

    for i in ids or []:
        if not re.fullmatch(r"[a-z0-9][a-z0-9_-]{0,62}", i):
            raise BadParameter(f"'{i}' is not an ecosystem id")
    return ids or None


def add_routes(app: FastAPI, page: Callable[..., HTMLResponse]) -> None:
    # -- API ------------------------------------------------------------------------------------
    @app.get("/api/connections/specialisation", tags=["connections"],
             summary="Specialisation profiles (Balassa RCA/RSCA over H2020 programme parts), complementarity, joint themes")
    def api_specialisation(w: WS, ecosystem: IdList = None, reference: Ref = "nl", measure: Measure = "participations",
                           scope: Scope = "municipality", lang: Lang = "en") -> dict[str, Any]:
        from innovatlas.connect.complementarity import complementarity, describe_pairs

        res = complementarity(w, _ids(ecosystem), reference=reference, measure=measure, scope=scope, lang=lang)
        res["in_words"] = describe_pairs(res, lang)
        return res

    @app.get("/api/connections/matrix", tags=["connections"],
             summary="Collaboration matrix between ecosystems: joint projects, organisation pairs, EC funding, "
                     "association strength, observed/expected")
    def api_matrix(w: WS, ecosystem: IdList = None, year_from: YearQ = None, year_to: YearQ = None,
                   scope: Scope = "municipality", lang: Lang = "en") -> dict[str, Any]:
        from innovatlas.connect.connections import collaboration_matrix

        return collaboration_matrix(w, _ids(ecosystem), year_from=year_from, year_to=year_to, scope=scope, lang=lang)

    @app.get("/api/connections/bridges", tags=["connections"],
             summary="Bridges: organisations linking the most ecosystems, or (with a and b) carrying a pair's links")
    def api_bridges(w: WS, ecosystem: IdList = None, a: Annotated[str | None, Query(pattern=r"^[a-z0-9][a-z0-9_-]{0,62}$")] = None,
                    b: Annotated[str | None, Query(pattern=r"^[a-z0-9][a-z0-9_-]{0,62}$")] = None,
                    limit: Annotated[int, Query(ge=1, le=200)] = 15, scope: Scope = "municipality", lang: Lang = "en"):
        from innovatlas.connect.connections import bridges, multi_members, pair_bridges

        if a and b:
            return {"a": a, "b": b, "items": pair_bridges(w, a, b, limit=limit)}
        ids = _ids(ecosystem)
        return {"items": bridges(w, ids, limit=limit, scope=scope, lang=lang),
                "members_of_several": multi_members(w, ids, scope=scope)}

    @app.get("/api/connections/pipelines", tags=["connections"],
             summary="Global pipelines: relations by partner origin, top foreign countries and organisations")
    def api_pipelines(w: WS, ecosystem: IdList = None, year_from: YearQ = None, year_to: YearQ = None,
                      scope: Scope = "municipality", lang: Lang = "en") -> dict[str, Any]:
        from innovatlas.connect.connections import pipelines

        return {"items": pipelines(w, _ids(ecosystem), scope=scope, year_from=year_from, year_to=year_to, lang=lang)}

    @app.get("/api/connections/regions", tags=["connections"],
             summary="Knowledge cities as municipality, with adjacent municipalities, or COROP region: organisations each adds")
    def api_regions(w: WS) -> dict[str, Any]:
        from innovatlas.connect.regions import scope_additions

        return {"items": scope_additions(w)}

    @app.get("/api/connections/stages", tags=["connections"], summary="Stage of several ecosystems (default: the knowledge cities)")
    def api_stages(w: WS, ecosystem: IdList = None, scope: Scope = "municipality", lang: Lang = "en") -> dict[str, Any]:
        from innovatlas.connect.dynamics import stages

        return stages(w, _ids(ecosystem), scope=scope, lang=lang)

    @app.get("/api/ecosystems/{eco_id}/dynamics", tags=["connections"],
             summary="Entrants, stayers, leavers, funding, links per year; cohort survival; stage with its rule")
    def api_dynamics(eco_id: EcoId, w: WS, lang: Lang = "en") -> dict[str, Any]:
        from innovatlas.connect.dynamics import dynamics

        return dynamics(w, eco_id, lang=lang)

    @app.get("/api/ecosystems/{eco_id}/consortium", tags=["connections"],
             summary="Consortium builder: candidate partners for a white spot (theme, actor type or challenge), ranked with evidence")
    def api_consortium(eco_id: EcoId, w: WS, theme: ThemeQ = None, type: ActQ | None = None,  # noqa: A002
                       challenge: ChallengeQ = None, where: Literal["nl", "eu"] = "nl",
                       limit: Annotated[int, Query(ge=1, le=200)] = 20, lang: Lang = "en") -> dict[str, Any]:
        from innovatlas.connect.consortium import candidates

        return candidates(w, eco_id, theme=theme, actor_type=type, challenge=challenge, where=where, limit=limit, lang=lang)

    @app.get("/api/ecosystems/{eco_id}/consortium.{fmt}", tags=["downloads"], summary="The consortium shortlist as CSV or Excel",
             response_class=Response, responses=_content(MEDIA["csv"], MEDIA["xlsx"]))
    def api_consortium_download(eco_id: EcoId, fmt: Literal["csv", "xlsx"], w: WS, theme: ThemeQ = None,
                                type: ActQ | None = None, challenge: ChallengeQ = None,  # noqa: A002
                                where: Literal["nl", "eu"] = "nl", limit: Annotated[int, Query(ge=1, le=200)] = 50):
        from innovatlas.connect.consortium import candidates
        from innovatlas.report import exports

        res = candidates(w, eco_id, theme=theme, actor_type=type, challenge=challenge, where=where, limit=limit)
        rows = [{k: v for k, v in r.items() if k != "evidence"} | {k: (", ".join(v) if isinstance(v, list) else v)
                                                                   for k, v in r["evidence"].items()} for r in res["items"]]
        body = exports.to_csv(rows) if fmt == "csv" else exports.to_xlsx({"candidates": rows})
        name = f"innovatlas-{eco_id}-consortium-{theme or ''}{type or ''}.{fmt}"  # theme is user text: sanitised
        return Response(body, media_type=MEDIA[fmt], headers=attachment(name))

    @app.get("/api/connections/download/{filename}", tags=["downloads"],
             summary="Connection-agenda matrices: matrices.xlsx, rsca|rca|cosine|complementarity|joint_projects|"
                     "observed_expected|association_strength|pairs.csv, and the city-to-city network cities.gexf",
             response_class=Response, responses=_content(*MEDIA.values()))
    def api_connections_download(w: WS, filename: Annotated[str, PathParam(pattern=r"^[a-z_]{2,30}\.(csv|xlsx|gexf)$", openapi_examples={
                                     "matrices": {"value": "matrices.xlsx"}, "rsca": {"value": "rsca.csv"}})],
                                 scope: Scope = "municipality", reference: Ref = "nl", measure: Measure = "participations",
                                 year_from: YearQ = None, year_to: YearQ = None):
        body, fmt = download(w, filename, scope=scope, reference=reference, measure=measure,
                             year_from=year_from, year_to=year_to)
        return Response(body, media_type=MEDIA[fmt],
                        headers=attachment(f"innovatlas-connections-{filename}"))

    # -- pages ---------------------------------------------------------------------------------------
    @app.get("/connections", response_class=HTMLResponse, include_in_schema=False)
    def connections_page(request: Request, w: WS, lang: Lang = "en", scope: Scope = "municipality", reference: Ref = "nl",
                         measure: Measure = "participations", year_from: Annotated[str, Query(max_length=4)] = "",
                         year_to: Annotated[str, Query(max_length=4)] = ""):
        from innovatlas.connect.views import agenda_data
        from innovatlas.explore import BadParameter

        try:
            yf = int(year_from) if year_from else None
            yt = int(year_to) if year_to else None
        except ValueError:
            raise BadParameter("the period needs years such as 2015 and 2020") from None
        d = agenda_data(w, lang=lang, scope=scope, reference=reference, measure=measure, year_from=yf, year_to=yt,
                        link=f"/ecosystems/{{id}}?lang={lang}")
        qs = f"?scope={scope}&reference={reference}&measure={measure}" + (f"&year_from={yf}" if yf else "") + (f"&year_to={yt}" if yt else "")
        return page(request, "connections.html", lang, d=d, dl_prefix="/api/connections/download/", dl_suffix=qs,
                    **template_helpers(lang))

    @app.get("/ecosystems/{eco_id}/consortium", response_class=HTMLResponse, include_in_schema=False)
    def consortium_page(request: Request, eco_id: EcoId, w: WS, lang: Lang = "en", theme: ThemeQ = None,
                        type: Annotated[str, Query(pattern=r"^(|HES|REC|PRC|PUB|OTH)$")] = "",  # noqa: A002
                        where: Literal["nl", "eu"] = "nl", limit: Annotated[int, Query(ge=1, le=200)] = 20):
        from innovatlas.connect.consortium import ACTIVITY_TYPES, candidates
        from innovatlas.connect._common import THEME_NAMES, theme_name
        from innovatlas.explore import ecosystem_detail

        eco = ecosystem_detail(w, eco_id)
        res = None
        if theme or type:
            res = candidates(w, eco_id, theme=theme or None, actor_type=type or None, where=where, limit=limit, lang=lang)
        themes = [(c, theme_name(c, lang)) for c in THEME_NAMES]
        qs = f"theme={theme or ''}&type={type}&where={where}&limit={limit}"
        return page(request, "consortium.html", lang, eco=eco, name=eco["name_en"] if lang == "en" else eco["name_nl"],
                    res=res, themes=themes, types=ACTIVITY_TYPES, theme=theme or "", type=type, where=where, qs=qs,
                    **template_helpers(lang))


def download(w, filename: str, **kw) -> tuple[bytes | str, str]:
    """The body and format of one connection-agenda download."""
    from innovatlas.connect.views import agenda_data, city_network, matrix_sheets
    from innovatlas.explore import NotFound
    from innovatlas.report import exports

    name, _, fmt = filename.partition(".")
    d = agenda_data(w, **kw)
    sheets = matrix_sheets(d["comp"], d["matrix"])
    if fmt == "gexf" and name == "cities":
        return exports.to_gexf(city_network(w, d["matrix"])), "gexf"
    if fmt == "xlsx" and name == "matrices":
        return exports.to_xlsx(sheets), "xlsx"
    if fmt == "csv" and name in sheets:
        return exports.to_csv(sheets[name]), "csv"
    raise NotFound(f"no download '{filename}': use matrices.xlsx, cities.gexf or one of "
                       + ", ".join(f"{k}.csv" for k in sheets))

