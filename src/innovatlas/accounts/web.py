"""Login, editing, monitoring cycles and the learning community in the web app (issue 12), added by :func:`add_routes`.

Authorisation is on the server: every state-changing route depends on :func:`writer` (a logged-in
user, the session's CSRF token, and a role that may change the ecosystem in the path) and
``WRITE_ROUTES_PUBLIC`` names the only two that do not (login and logout, which change no
workspace data). With accounts on, :func:`_gate` asks for a login on every other page and API
route. See :mod:`innovatlas.accounts` for sessions, CSRF and throttling.
"""


import contextvars
import secrets
from typing import Annotated, Any, Callable, Literal

from fastapi import Depends, FastAPI, HTTPException, Path as PathParam, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from itsdangerous import BadSignature, URLSafeTimedSerializer

from innovatlas import accounts as A
from innovatlas.errors import InnovatlasError, InputError
from innovatlas.web.app import WS, EcoId, Lang
from innovatlas.web.hardening import attachment  # safe download names (issue 13)

__all__ = ["add_routes", "WRITE_ROUTES_PUBLIC", "COOKIE"]

COOKIE = "innovatlas_session"
MAX_AGE = 8 * 3600
WRITE_ROUTES_PUBLIC = {"/login", "/logout"}
_ACCOUNT: contextvars.ContextVar[dict | None] = contextvars.ContextVar("innovatlas_account", default=None)
Label = Annotated[str, PathParam(pattern=r"^[A-Za-z0-9][A-Za-z0-9 ._-]{0,39}$")]
LabelQ = Annotated[str | None, Query(pattern=r"^[A-Za-z0-9][A-Za-z0-9 ._-]{0,39}$")]


def _lang(request: Request) -> str:
    lang = request.query_params.get("lang", "en")
    return lang if lang in ("en", "nl") else "en"


def _secure(request: Request) -> bool:
    return (request.url.hostname or "") not in A.LOOPBACK


class Denied(HTTPException):
    pass


def add_routes(app: FastAPI, page: Callable[..., HTMLResponse]) -> None:
    base = app.state.workspace
    on = A.user_count(base) > 0
    app.state.accounts = on
    signer = URLSafeTimedSerializer(A.secret_key(base) if on else secrets.token_urlsafe(32), salt="innovatlas-session")
    throttle = A.Throttle()
    app.state.throttle = throttle
    for lang, env in getattr(app.state, "envs", {}).items():
        env.globals["account"] = lambda: _ACCOUNT.get()
        env.globals["tr"] = (lambda lang: (lambda key, **kw: A.msg(key, lang, **kw)))(lang)

    def session(request: Request) -> dict[str, Any]:
        raw = request.cookies.get(COOKIE)
        if not raw:
            return {}
        try:
            data = signer.loads(raw, max_age=MAX_AGE)
        except BadSignature:
            return {}
        return data if isinstance(data, dict) else {}

    def set_session(resp: Response, request: Request, data: dict[str, Any]) -> None:
        resp.set_cookie(COOKIE, signer.dumps(data), max_age=MAX_AGE, httponly=True, samesite="strict",
                        secure=_secure(request), path="/")

    users: dict[tuple, A.User | None] = {}  # the server holds the workspace for writing: users change only by restart

    def current(request: Request) -> A.User | None:
        data = session(request)
        if not on or "u" not in data:
            return None
        key = (data["u"], data.get("e"))
        if key not in users:
            if len(users) > 1000:
                users.clear()
            users[key] = A.load_user(base.cursor(), data["u"], data.get("e"))
        return users[key]

    @app.middleware("http")
    async def _gate(request: Request, call_next):
        """With accounts: who is logged in (for the templates) and a login for every page but /login and /static."""
        if not on:
            return await call_next(request)
        path = request.url.path
        data = session(request)
        user = current(request) if "u" in data else None
        request.state.user = user
        token = _ACCOUNT.set({"user": user.username if user else None, "csrf": data.get("c", ""),
                              "admin": bool(user and user.is_admin)} if user else None)
        try:
            if user is None and path not in ("/login",) and not path.startswith("/static/"):
                if request.method == "GET" and not path.startswith("/api") and path not in ("/openapi.json",):
                    return RedirectResponse(f"/login?next={path}&lang={_lang(request)}", status_code=303)
                return JSONResponse({"error": A.msg("need_login", _lang(request)), "status": 401}, status_code=401)
            return await call_next(request)
        finally:
            _ACCOUNT.reset(token)

    async def writer(request: Request) -> A.User:
        """Every write: a logged-in user (401), the session's CSRF token (403), a role allowing it (403, per route)."""
        lang = _lang(request)
        if not on:
            raise Denied(403, "read-only: this workspace has no accounts (alleen-lezen: geen accounts)")
        user = current(request)
        if user is None:
            raise Denied(401, A.msg("need_login", lang))
        expected = session(request).get("c")
        sent = request.headers.get("x-csrf-token")
        if not sent and request.headers.get("content-type", "").startswith(("application/x-www-form-urlencoded",
                                                                            "multipart/form-data")):
            sent = (await request.form()).get("csrf")
        if not expected or not sent or not secrets.compare_digest(str(sent), str(expected)):
            raise Denied(403, A.msg("csrf", lang))
        return user

    Writer = Annotated[A.User, Depends(writer)]

    def may_edit(user: A.User, eco: str, lang: str) -> None:
        if not user.can_edit(eco):
            raise Denied(403, A.msg("forbidden", lang, eco=eco))

    def reader(request: Request) -> A.User | None:
        return getattr(request.state, "user", None)

    def ctx(request: Request, **kw) -> dict[str, Any]:
        user = reader(request)
        return {"user": user, "csrf": session(request).get("c", ""), **kw}

    async def form_of(request: Request) -> dict[str, str]:
        return {k: str(v) for k, v in (await request.form()).items() if k != "csrf"}

    # -- login / logout ------------------------------------------------------------------------------------------
    @app.get("/login", response_class=HTMLResponse, include_in_schema=False)
    def login_page(request: Request, lang: Lang = "en", next: Annotated[str, Query(max_length=300)] = "/"):
        data = session(request)
        data.setdefault("c", secrets.token_urlsafe(24))
        resp = page(request, "accounts/login.html", lang, csrf=data["c"], next=_safe_next(next), error=None,
                    accounts_on=on)
        set_session(resp, request, {"c": data["c"]})
        return resp

    def _safe_next(nxt: str) -> str:
        return nxt if nxt.startswith("/") and not nxt.startswith("//") and "\\" not in nxt else "/"

    @app.post("/login", response_class=HTMLResponse, include_in_schema=False)
    async def login(request: Request, lang: Lang = "en"):
        form = await request.form()
        data = session(request)
        nxt = _safe_next(str(form.get("next") or "/"))
        csrf = data.get("c") or secrets.token_urlsafe(24)

        def again(status: int, error: str, headers: dict | None = None):
            resp = page(request, "accounts/login.html", lang, csrf=csrf, next=nxt, error=error, accounts_on=on)
            resp.status_code = status
            for k, v in (headers or {}).items():
                resp.headers[k] = v
            set_session(resp, request, {"c": csrf})
            return resp

        if not on:
            return again(403, "read-only: this workspace has no accounts (alleen-lezen: geen accounts)")
        if not data.get("c") or not secrets.compare_digest(str(form.get("csrf") or ""), data["c"]):
            return again(403, A.msg("csrf", lang))
        name = str(form.get("username") or "").strip().lower()[:64]
        keys = ("user:" + name, "addr:" + (request.client.host if request.client else "?"))
        wait = throttle.wait(*keys)
        if wait > 0:
            secs = int(wait) + 1
            return again(429, A.msg("throttled", lang, s=secs), {"Retry-After": str(secs)})
        from starlette.concurrency import run_in_threadpool

        user = await run_in_threadpool(A.authenticate, base.cursor(), name, str(form.get("password") or ""))
        if user is None:
            throttle.failed(*keys)
            return again(401, A.msg("bad_login", lang))
        throttle.succeeded(*keys)
        resp = RedirectResponse(nxt if "lang=" in nxt else nxt + ("&" if "?" in nxt else "?") + f"lang={lang}", status_code=303)
        set_session(resp, request, {"u": user.username, "e": user.epoch, "c": secrets.token_urlsafe(24)})
        return resp

    @app.post("/logout", include_in_schema=False)
    async def logout(request: Request, lang: Lang = "en"):
        resp = RedirectResponse(f"/login?lang={lang}", status_code=303)
        resp.delete_cookie(COOKIE, path="/")
        return resp

    # -- editing ---------------------------------------------------------------------------------------------------
    def edit_page(request: Request, w, eco_id: str, lang: str, *, status: int = 200, errors: dict | None = None,
                  which: str | None = None, given: dict | None = None, conflict: dict | None = None,
                  notice: str | None = None) -> HTMLResponse:
        from innovatlas.analysis import _require
        from innovatlas.editing import current_qualitative, current_targets, current_values, edits_of
        from innovatlas.inputs import catalogue_with_sources

        eco = _require(w, eco_id)
        cat = [c for c in catalogue_with_sources(w)]
        resp = page(request, "accounts/edit.html", lang, **ctx(
            request, eco=eco, name=eco["name_en"] if lang == "en" else eco["name_nl"],
            values=current_values(w, eco_id), quals=current_qualitative(w, eco_id), targets=current_targets(w, eco_id),
            edits=edits_of(w, eco_id), value_indicators=[c for c in cat if c["value_source"] in ("import", "survey")],
            qual_indicators=[c for c in cat if c["value_source"] in ("qualitative", "survey")], all_indicators=cat,
            value_opts=[("", "–")] + [(str(c["id"]), f"{c['id']} {c['name_en'] if lang == 'en' else c['name_nl']}")
                                      for c in cat if c["value_source"] in ("import", "survey")],
            qual_opts=[("", "–")] + [(str(c["id"]), f"{c['id']} {c['name_en'] if lang == 'en' else c['name_nl']}")
                                     for c in cat if c["value_source"] in ("qualitative", "survey")],
            errors=errors or {}, which=which, given=given or {}, conflict=conflict, notice=notice))
        resp.status_code = status
        return resp

    @app.get("/ecosystems/{eco_id}/edit", response_class=HTMLResponse, include_in_schema=False)
    def edit_get(request: Request, eco_id: EcoId, w: WS, lang: Lang = "en", saved: int = 0, undone: int = 0):
        user = reader(request)
        if not on or user is None or not user.can_edit(eco_id):
            raise Denied(403, A.msg("forbidden", lang, eco=eco_id))
        return edit_page(request, w, eco_id, lang, notice=A.msg("saved", lang) if saved else
                         (A.msg("undone", lang) if undone else None))

    def _save(kind: str):
        async def route(request: Request, eco_id: EcoId, user: Writer, w: WS, lang: Lang = "en"):
            from starlette.concurrency import run_in_threadpool

            from innovatlas import editing as E

            may_edit(user, eco_id, lang)
            form = await form_of(request)
            stamp = form.pop("stamp", "")
            fn = {"values": E.save_value, "qualitative": E.save_qualitative, "targets": E.save_target}[kind]
            try:
                await run_in_threadpool(fn, w, user.username, eco_id, form, stamp)
            except E.FormErrors as exc:
                return await run_in_threadpool(lambda: edit_page(request, w, eco_id, lang, status=422, errors=exc.fields_nl if lang == "nl" else exc.fields,
                                                                 which=kind, given=dict(form, stamp=stamp)))
            except E.Conflict as exc:
                return await run_in_threadpool(lambda: edit_page(
                    request, w, eco_id, lang, status=409, which=kind, given=dict(form, stamp=stamp),
                    conflict={"now": exc.now, "mine": exc.mine, "text": A.msg("conflict", lang, now=exc.now, mine=exc.mine)}))
            return RedirectResponse(f"/ecosystems/{eco_id}/edit?lang={lang}&saved=1#{kind}", status_code=303)

        route.__name__ = f"save_{kind}"
        return route

    for kind in ("values", "qualitative", "targets"):
        app.post(f"/ecosystems/{{eco_id}}/{kind}", response_class=HTMLResponse, include_in_schema=False)(_save(kind))

    @app.post("/ecosystems/{eco_id}/undo/{edit_id}", response_class=HTMLResponse, include_in_schema=False)
    async def undo_route(request: Request, eco_id: EcoId, edit_id: Annotated[int, PathParam(ge=1, le=10**12)],
                         user: Writer, w: WS, lang: Lang = "en"):
        from starlette.concurrency import run_in_threadpool

        from innovatlas import editing as E

        may_edit(user, eco_id, lang)
        if E.edit_ecosystem(w, edit_id) != eco_id:
            raise Denied(404, "no such edit")
        try:
            await run_in_threadpool(E.undo, w, user.username, edit_id)
        except E.Conflict as exc:
            return await run_in_threadpool(lambda: edit_page(
                request, w, eco_id, lang, status=409,
                conflict={"now": exc.now, "mine": exc.mine, "text": A.msg("conflict", lang, now=exc.now, mine=exc.mine)}))
        return RedirectResponse(f"/ecosystems/{eco_id}/edit?lang={lang}&undone=1#history", status_code=303)

    # -- monitoring cycles -------------------------------------------------------------------------------------------
    alert_cache: dict[tuple, dict] = {}

    def _cached(fn, w, eco_id: str, a: str | None, b: str | None, lang: str) -> dict[str, Any]:
        """Change alerts and comparisons, recomputed only when the workspace, the snapshots or the thresholds changed."""
        from innovatlas.store.queries import accounts as QA

        key = (fn.__name__, w.stamp(), tuple(w.rows(QA.MONITOR_STAMP(eco_id, eco_id))[0]), eco_id, a, b, lang)
        if key not in alert_cache:
            if len(alert_cache) > 128:
                alert_cache.clear()
            alert_cache[key] = fn(w, eco_id, a, b, lang)
        return alert_cache[key]

    def cached_alerts(w, eco_id: str, since: str | None, to: str | None, lang: str) -> dict[str, Any]:
        from innovatlas.cycles import alerts

        return _cached(alerts, w, eco_id, since, to, lang)

    def cached_compare(w, eco_id: str, a: str | None, b: str | None, lang: str) -> dict[str, Any]:
        from innovatlas.cycles import compare

        return _cached(compare, w, eco_id, a, b, lang)

    def monitoring_page(request: Request, w, eco_id: str, lang: str, status: int = 200, error: str | None = None):
        from innovatlas.analysis import _require
        from innovatlas.community import note_of
        from innovatlas.cycles import snapshots_of, thresholds

        eco = _require(w, eco_id)
        user = reader(request)
        resp = page(request, "accounts/monitoring.html", lang, **ctx(
            request, eco=eco, name=eco["name_en"] if lang == "en" else eco["name_nl"], snapshots=snapshots_of(w, eco_id),
            alerts=cached_alerts(w, eco_id, None, None, lang), thresholds=thresholds(w, eco_id), note=note_of(w, eco_id),
            can_edit=bool(user and user.can_edit(eco_id)), error=error))
        resp.status_code = status
        return resp

    @app.get("/ecosystems/{eco_id}/monitoring", response_class=HTMLResponse, include_in_schema=False)
    def monitoring_get(request: Request, eco_id: EcoId, w: WS, lang: Lang = "en"):
        return monitoring_page(request, w, eco_id, lang)

    @app.post("/ecosystems/{eco_id}/snapshots", response_class=HTMLResponse, include_in_schema=False)
    async def snapshot_post(request: Request, eco_id: EcoId, user: Writer, w: WS, lang: Lang = "en"):
        from starlette.concurrency import run_in_threadpool

        from innovatlas.cycles import take_snapshot

        may_edit(user, eco_id, lang)
        form = await form_of(request)
        try:
            await run_in_threadpool(take_snapshot, w, eco_id, form.get("label", ""), user.username)
        except InputError as exc:
            return await run_in_threadpool(monitoring_page, request, w, eco_id, lang, 422, exc.problem + " (" + (exc.hint or "") + ")")
        return RedirectResponse(f"/ecosystems/{eco_id}/monitoring?lang={lang}", status_code=303)

    @app.post("/ecosystems/{eco_id}/alerts", response_class=HTMLResponse, include_in_schema=False)
    async def alerts_post(request: Request, eco_id: EcoId, user: Writer, w: WS, lang: Lang = "en"):
        from innovatlas.cycles import set_thresholds

        may_edit(user, eco_id, lang)
        form = await form_of(request)
        try:
            pct = float(form.get("indicator_pct", "10").replace(",", ".")) / 100
        except ValueError:
            return monitoring_page(request, w, eco_id, lang, 422, f"'{form.get('indicator_pct')}' is not a number")
        try:
            set_thresholds(w, eco_id, indicator_pct=pct, verdicts=form.get("verdicts") == "on",
                           targets=form.get("targets") == "on", by=user.username)
        except InputError as exc:
            return monitoring_page(request, w, eco_id, lang, 422, exc.problem)
        return RedirectResponse(f"/ecosystems/{eco_id}/monitoring?lang={lang}", status_code=303)

    @app.post("/ecosystems/{eco_id}/note", response_class=HTMLResponse, include_in_schema=False)
    async def note_post(request: Request, eco_id: EcoId, user: Writer, w: WS, lang: Lang = "en"):
        from innovatlas.community import set_note

        may_edit(user, eco_id, lang)
        form = await form_of(request)
        try:
            set_note(w, eco_id, form.get("note", ""), user.username)
        except InputError as exc:
            return monitoring_page(request, w, eco_id, lang, 422, exc.problem)
        return RedirectResponse(f"/ecosystems/{eco_id}/monitoring?lang={lang}", status_code=303)

    @app.get("/ecosystems/{eco_id}/snapshots/compare", response_class=HTMLResponse, include_in_schema=False)
    def compare_get(request: Request, eco_id: EcoId, w: WS, lang: Lang = "en", a: LabelQ = None, b: LabelQ = None):
        return page(request, "accounts/compare.html", lang, **ctx(request, c=cached_compare(w, eco_id, a, b or None, lang),
                                                                 eco_id=eco_id))

    @app.get("/ecosystems/{eco_id}/snapshots/{label}", response_class=HTMLResponse, include_in_schema=False)
    def snapshot_get(request: Request, eco_id: EcoId, label: Label, w: WS, lang: Lang = "en"):
        from innovatlas.cycles import _fmt, snapshot_view

        return page(request, "accounts/snapshot.html", lang, **ctx(request, v=snapshot_view(w, eco_id, label, lang),
                                                                  fmt=lambda v: _fmt(v, lang)))

    @app.get("/api/ecosystems/{eco_id}/snapshots", tags=["monitoring"], summary="The ecosystem's snapshots (monitoring cycles)")
    def api_snapshots(eco_id: EcoId, w: WS) -> dict[str, Any]:
        from innovatlas.analysis import _require
        from innovatlas.cycles import snapshots_of

        _require(w, eco_id)
        return {"ecosystem": eco_id, "items": [dict(s, created_at=s["created_at"].isoformat()) for s in snapshots_of(w, eco_id)]}

    @app.get("/api/ecosystems/{eco_id}/snapshots/compare", tags=["monitoring"],
             summary="Two snapshots (or a snapshot and now) side by side: values, inputs (disclosed), verdicts, members")
    def api_compare(eco_id: EcoId, w: WS, a: LabelQ = None, b: LabelQ = None, lang: Lang = "en") -> dict[str, Any]:
        from innovatlas.explore import NotFound

        try:
            return cached_compare(w, eco_id, a, b, lang)
        except InputError as exc:  # no such snapshot (or none yet): a 404 with what to do
            raise NotFound(str(exc)) from None

    @app.get("/api/ecosystems/{eco_id}/alerts", tags=["monitoring"], responses={200: {"description": "The alerts", "content": {
                 "application/json": {"schema": {"type": "object"}}, "text/csv": {"schema": {"type": "string"}},
                 "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": {"schema": {"type": "string", "format": "binary"}}}}},
             summary="Change alerts since a snapshot (JSON, or format=csv|xlsx to download)")
    def api_alerts(eco_id: EcoId, w: WS, since: LabelQ = None, to: LabelQ = None, lang: Lang = "en",
                   format: Literal["json", "csv", "xlsx"] = "json"):
        from innovatlas.cycles import export_alerts

        res = cached_alerts(w, eco_id, since, to, lang)
        if format == "json":
            return res
        media = {"csv": "text/csv; charset=utf-8",
                 "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}[format]
        return Response(export_alerts(res, fmt=format), media_type=media,
                        headers=attachment(f"innovatlas-{eco_id}-alerts.{format}"))

    # -- learning community ---------------------------------------------------------------------------------------------
    @app.get("/community", response_class=HTMLResponse, include_in_schema=False)
    def community_get(request: Request, w: WS, lang: Lang = "en",
                      focus: Annotated[str | None, Query(pattern=r"^[a-z0-9][a-z0-9_-]{0,62}$")] = None):
        from innovatlas.community import comparison

        return page(request, "accounts/community.html", lang, **ctx(request, c=comparison(w, focus, lang), focus=focus))

    @app.get("/api/community", tags=["monitoring"], summary="Learning community: who monitors what, coverage, targets")
    def api_community(w: WS, lang: Lang = "en",
                      focus: Annotated[str | None, Query(pattern=r"^[a-z0-9][a-z0-9_-]{0,62}$")] = None):
        from innovatlas.community import comparison

        return comparison(w, focus, lang)

    @app.get("/api/ecosystems/{eco_id}/package", tags=["monitoring"],
             summary="The ecosystem's monitoring package (JSON; never an input value)")
    def api_package(eco_id: EcoId, w: WS):
        import json as _json

        from innovatlas.community import package_of

        return Response(_json.dumps(package_of(w, eco_id), indent=2, ensure_ascii=False, default=str),
                        media_type="application/json",
                        headers=attachment(f"innovatlas-{eco_id}-package.json"))

    @app.post("/ecosystems/{eco_id}/package", response_class=HTMLResponse, include_in_schema=False)
    async def package_post(request: Request, eco_id: EcoId, user: Writer, w: WS, lang: Lang = "en"):
        """Start this ecosystem from an uploaded monitoring package (its own indicators and targets)."""
        import tempfile
        from pathlib import Path

        from innovatlas.community import import_package

        may_edit(user, eco_id, lang)
        upload = (await request.form()).get("package")
        if upload is None or not hasattr(upload, "read"):
            return monitoring_page(request, w, eco_id, lang, 422, "choose a package file (.json)")
        data = await upload.read()
        if len(data) > 5_000_000:
            return monitoring_page(request, w, eco_id, lang, 413, "the package is larger than 5 MB")
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "package.json"
            path.write_bytes(data)
            try:
                import_package(w, path, ecosystem=eco_id, by=user.username)
            except InputError as exc:
                return monitoring_page(request, w, eco_id, lang, 422, exc.problem)
        return RedirectResponse(f"/community?focus={eco_id}&lang={lang}", status_code=303)

    # -- ecosystem definitions: edit with a member preview, save re-runs the analysis -------------------------------
    def definition_page(request: Request, w, eco_id: str, lang: str, text: str | None = None, status: int = 200,
                        error: str | None = None, show_preview: bool = False, conflict: str | None = None):
        from innovatlas.analysis import _require
        from innovatlas.definitions_edit import definition_toml, preview, stamp_of

        eco = _require(w, eco_id)
        prev = None
        if show_preview and text is not None and error is None:
            try:
                prev = preview(w, eco_id, text)
            except InputError as exc:
                error, status = exc.problem + (f" ({exc.hint})" if exc.hint else ""), 422
        resp = page(request, "accounts/definition.html", lang, **ctx(
            request, eco=eco, name=eco["name_en"] if lang == "en" else eco["name_nl"],
            text=text if text is not None else definition_toml(w, eco_id), stamp=stamp_of(w, eco_id), preview=prev,
            error=error, conflict=conflict))
        resp.status_code = status
        return resp

    @app.get("/ecosystems/{eco_id}/definition", response_class=HTMLResponse, include_in_schema=False)
    def definition_get(request: Request, eco_id: EcoId, w: WS, lang: Lang = "en",
                       text: Annotated[str | None, Query(max_length=20000)] = None):
        user = reader(request)
        if not on or user is None or not user.can_edit(eco_id):
            raise Denied(403, A.msg("forbidden", lang, eco=eco_id))
        return definition_page(request, w, eco_id, lang, text, show_preview=text is not None)

    @app.post("/ecosystems/{eco_id}/definition", response_class=HTMLResponse, include_in_schema=False)
    async def definition_post(request: Request, eco_id: EcoId, user: Writer, w: WS, lang: Lang = "en"):
        from starlette.concurrency import run_in_threadpool

        from innovatlas.definitions_edit import save_definition
        from innovatlas.editing import Conflict

        may_edit(user, eco_id, lang)
        form = await form_of(request)
        text = form.get("text", "")[:20000]
        try:
            await run_in_threadpool(save_definition, w, user.username, eco_id, text, form.get("stamp", ""))
        except InputError as exc:
            return await run_in_threadpool(definition_page, request, w, eco_id, lang, text, 422,
                                           exc.problem + (f" ({exc.hint})" if exc.hint else ""))
        except Conflict as exc:
            return await run_in_threadpool(lambda: definition_page(
                request, w, eco_id, lang, text, 409, conflict=A.msg("conflict", lang, now=exc.now, mine=exc.mine)))
        return RedirectResponse(f"/ecosystems/{eco_id}/edit?lang={lang}&saved=1#history", status_code=303)

    # -- decision assessments: create and re-run in the browser -----------------------------------------------------
    def may_assess(user: A.User, data: dict, lang: str) -> None:
        eco = str(data.get("ecosystem") or "")
        if not (user.is_admin or (eco and user.can_edit(eco))):  # an assessment of no ecosystem: admins
            raise Denied(403, A.msg("forbidden", lang, eco=eco or "*"))

    @app.get("/assessments-new", response_class=HTMLResponse, include_in_schema=False)
    def assessment_new(request: Request, w: WS, lang: Lang = "en"):
        from innovatlas.assess import list_assessments

        user = reader(request)
        if not on or user is None:
            raise Denied(403, A.msg("forbidden", lang, eco="*"))
        return page(request, "accounts/assessment_new.html", lang, **ctx(request, rows=list_assessments(w), error=None, text=""))

    @app.post("/assessments", response_class=HTMLResponse, include_in_schema=False)
    async def assessment_create(request: Request, user: Writer, w: WS, lang: Lang = "en"):
        """Create an assessment (a new version) from YAML/TOML input, validated as the file would be."""
        import tempfile
        from pathlib import Path

        import yaml

        from innovatlas.assess import list_assessments, run

        form = await form_of(request)
        text = form.get("text", "")[:100_000]
        if not (user.is_admin or "editor" in user.roles.values()):
            raise Denied(403, A.msg("forbidden", lang, eco="*"))
        try:
            data = yaml.safe_load(text) or {}
        except yaml.YAMLError as exc:
            data, err = {}, f"not valid YAML: {exc}"
        else:
            err = None if isinstance(data, dict) else "the input must be a mapping (kind: ..., name: ...)"
        if not user.is_admin:  # an editor: only an input naming an ecosystem they edit (unreadable input: denied too)
            may_assess(user, data if isinstance(data, dict) else {}, lang)
        if err is None:
            with tempfile.TemporaryDirectory() as tmp:
                path = Path(tmp) / "input.yaml"
                path.write_text(text, encoding="utf-8")
                try:
                    _kind, model, _result = run(w, path)
                except InnovatlasError as exc:
                    err = str(exc).replace(str(path), "form")
                else:
                    return RedirectResponse(f"/assessments/{model.name}?lang={lang}", status_code=303)
        resp = page(request, "accounts/assessment_new.html", lang, **ctx(request, rows=list_assessments(w), error=err, text=text))
        resp.status_code = 422
        return resp

    # -- decision assessments: re-run in the browser ------------------------------------------------------------------
    @app.post("/assessments/{name}/rerun", response_class=HTMLResponse, include_in_schema=False)
    async def assessment_rerun(request: Request, name: Annotated[str, PathParam(pattern=r"^[a-z0-9][a-z0-9_-]{0,62}$")],
                               user: Writer, w: WS, lang: Lang = "en"):
        """Run an assessment again on today's data, from its latest stored input (a new version)."""
        from innovatlas.assess import load_assessment, save_assessment
        from innovatlas.assess.inputs import read_input  # noqa: F401 - the same validation as a file
        from innovatlas.errors import InnovatlasError as _E

        if not user.is_admin and "editor" not in user.roles.values():
            raise Denied(403, A.msg("forbidden", lang, eco=name))
        try:
            a = load_assessment(w, name)
        except _E:
            raise Denied(403 if not user.is_admin else 404, "no such assessment") from None
        may_assess(user, a["input"], lang)
        kind, result = _rerun(w, a)
        save_assessment(w, name=name, kind=kind, input_=a["input"], result=result, file=None)
        return RedirectResponse(f"/assessments/{name}?lang={lang}", status_code=303)

    def _rerun(w, a: dict[str, Any]):
        from innovatlas.assess import inputs as AI
        from innovatlas.assess import partnership, portfolio, proposal, valorisation

        models = {"partnership": (AI.PartnershipInput, partnership.assess), "portfolio": (AI.PortfolioInput, portfolio.assess),
                  "valorisation": (AI.ValorisationInput, valorisation.assess), "proposal": (AI.ProposalInput, proposal.assess)}
        model_cls, fn = models[a["kind"]]
        return a["kind"], fn(w, model_cls.model_validate(a["input"]))

    # a page answering a form (an error, a conflict) offers the language switch to its own path: back to the page
    def _back(target: str):
        def route(eco_id: EcoId, lang: Lang = "en"):
            return RedirectResponse(f"/ecosystems/{eco_id}/{target}?lang={lang}", status_code=303)

        return route

    for form_path, target in (("values", "edit"), ("qualitative", "edit"), ("targets", "edit"), ("snapshots", "monitoring"),
                              ("alerts", "monitoring"), ("note", "monitoring"), ("package", "monitoring")):
        app.get(f"/ecosystems/{{eco_id}}/{form_path}", include_in_schema=False)(_back(target))

    @app.exception_handler(Denied)
    async def _denied(request: Request, exc: Denied):
        lang = _lang(request)
        if request.url.path.startswith("/api") or "application/json" in request.headers.get("accept", ""):
            return JSONResponse({"error": exc.detail, "status": exc.status_code}, status_code=exc.status_code)
        envs = getattr(app.state, "envs", {})
        html = envs[lang].get_template("error.html").render(status=exc.status_code, message=exc.detail,
                                                            switch_url="/", path="") if envs else str(exc.detail)
        return HTMLResponse(html, status_code=exc.status_code)
