"""Accounts, roles, editing, monitoring cycles and the learning community (issue 12), on the synthetic
CORDIS download of conftest (three projects; Dutch members TU Delft 111111111, ACME 222222222 and BIGCORP
333333333, worked out by hand there), through the real app (FastAPI's TestClient over a real DuckDB file)."""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
import threading
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from innovatlas import accounts as A
from innovatlas.store import Workspace

PW = "correct horse battery"
BASE = "http://127.0.0.1"  # a loopback address: the session cookie is not Secure there (see test_cookie_flags)


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    """The synthetic download imported and analysed once for this module (copied per test that writes)."""
    from conftest import ORG_HEADER, PROJECT_HEADER, PROJECT_ROWS, org_lines

    from innovatlas.analysis import analyse, load_definitions
    from innovatlas.sources import cordis

    root = tmp_path_factory.mktemp("accounts")
    d = root / "cordis-h2020projects-csv"
    d.mkdir()
    (d / "project.csv").write_text("\n".join([PROJECT_HEADER, *PROJECT_ROWS]) + "\n", encoding="utf-8")
    (d / "organization.csv").write_text("\n".join([ORG_HEADER, *org_lines()]) + "\n", encoding="utf-8")
    path = root / "built.duckdb"
    with Workspace(path) as ws:
        cordis.import_paths(ws, [d])
        analyse(ws, load_definitions())
    shutil.copy(path, root / "users.duckdb")
    with Workspace(root / "users.duckdb") as ws:
        A.add_user(ws, "admin", PW, "admin")
        A.add_user(ws, "ed", PW, "editor", "nl")
        A.add_user(ws, "ed2", PW, "editor", "nl")
        A.add_user(ws, "other", PW, "editor", "eindhoven")
        A.add_user(ws, "viewer", PW, "viewer")
    return path


def _copy(built: Path, tmp_path: Path, users: bool = True) -> Path:
    path = tmp_path / "ws.duckdb"
    shutil.copy(built.parent / "users.duckdb" if users else built, path)
    return path


def _login(app, user: str | None, base: str = BASE) -> tuple[TestClient, str]:
    c = TestClient(app, base_url=base)
    page = c.get("/login")
    csrf = re.search(r'name="csrf" value="([^"]+)"', page.text).group(1)
    if user is None:
        return c, csrf
    r = c.post("/login", data={"csrf": csrf, "username": user, "password": PW, "next": "/"}, follow_redirects=False)
    assert r.status_code == 303, r.text
    page = c.get("/")
    return c, re.search(r'name="csrf" value="([^"]+)"', page.text).group(1)


VALUE = {"indicator": "2", "year": "2021", "value": "12,5", "unit": "EUR", "source": "own survey", "kind": "import",
         "confidential": "no", "stamp": ""}


# -- accounts --------------------------------------------------------------------------------------------------------
def test_users_cli_hashes_passwords_and_manages_roles(built, tmp_path):
    from innovatlas.cli import app

    path = _copy(built, tmp_path, users=False)
    run = lambda *a: CliRunner().invoke(app, [*a, "-w", str(path)], env={"INNOVATLAS_PASSWORD": PW})  # noqa: E731
    assert run("users", "add", "Anna", "--role", "editor", "--ecosystem", "delft").exit_code == 0
    assert run("users", "add", "anna").exit_code == 2                              # exists already
    bad = run("users", "add", "bob", "--role", "editor", "--ecosystem", "atlantis")
    assert bad.exit_code != 0 and "atlantis" in bad.output
    short = CliRunner().invoke(app, ["users", "add", "bob", "-w", str(path)], env={"INNOVATLAS_PASSWORD": "short"})
    assert short.exit_code == 2 and "at least 10" in short.output
    assert run("users", "role", "anna", "viewer", "--ecosystem", "nl").exit_code == 0
    listed = run("users", "list")
    assert "anna" in listed.output and "editor@delft" in listed.output and "viewer@nl" in listed.output
    with Workspace(path) as ws:
        stored = ws.rows(A.Q.USER_GET("anna"))[0][1]
        assert stored.startswith("$argon2id$") and PW not in stored
        epoch = A.load_user(ws, "anna").epoch
        assert A.authenticate(ws, "anna", PW).username == "anna" and A.authenticate(ws, "anna", "wrong one!") is None
    assert run("users", "passwd", "anna").exit_code == 0
    with Workspace(path) as ws:
        assert A.load_user(ws, "anna", epoch) is None               # sessions from before the change end
    assert run("users", "remove", "anna").exit_code == 0
    assert "no users" in run("users", "list").output


def test_without_accounts_the_app_is_read_only_and_binding_elsewhere_is_refused(built, tmp_path):
    from innovatlas.cli import app as cli
    from innovatlas.web import create_app

    path = _copy(built, tmp_path, users=False)
    app = create_app(path)
    with TestClient(app, base_url=BASE) as c:
        assert c.get("/ecosystems/nl").status_code == 200          # read as today, no login
        assert c.post("/ecosystems/nl/values", data=VALUE).status_code == 403
    app.state.workspace.close()
    with pytest.raises(A.AccountError, match="refusing to serve on 0.0.0.0"):
        A.check_bind(path, "0.0.0.0")
    A.check_bind(path, "127.0.0.1")
    res = CliRunner().invoke(cli, ["serve", "--host", "0.0.0.0", "-w", str(path)])
    assert res.exit_code == 2 and "users add" in res.output


def test_login_throttling_backs_off_per_account_and_address(built, tmp_path):
    from innovatlas.web import create_app

    clock = [0.0]
    t = A.Throttle(clock=lambda: clock[0])
    waits = []
    for _ in range(6):
        t.failed("user:x")
        waits.append(t.wait("user:x"))
    assert waits == [0, 0, 1, 2, 4, 8]
    clock[0] = 8.0
    assert t.wait("user:x") == 0
    t.succeeded("user:x")
    t.failed("user:x")
    assert t.wait("user:x") == 0

    app = create_app(_copy(built, tmp_path))
    c, csrf = _login(app, None)
    codes = [c.post("/login", data={"csrf": csrf, "username": "ed", "password": "wrong password"}).status_code
             for _ in range(4)]
    assert codes == [401, 401, 401, 429]                           # the 4th waits 1 s
    r = c.post("/login", data={"csrf": csrf, "username": "ed", "password": PW})
    assert r.status_code == 429 and int(r.headers["retry-after"]) >= 1     # even the right password waits
    # another account from the same address waits too (per address)
    assert c.post("/login", data={"csrf": csrf, "username": "viewer", "password": PW}).status_code == 429
    app.state.workspace.close()


def test_cookie_flags_and_csrf(built, tmp_path):
    from innovatlas.web import create_app

    app = create_app(_copy(built, tmp_path))
    c = TestClient(app, base_url=BASE)
    csrf = re.search(r'name="csrf" value="([^"]+)"', c.get("/login").text).group(1)
    r = c.post("/login", data={"csrf": csrf, "username": "ed", "password": PW}, follow_redirects=False)
    cookie = r.headers["set-cookie"].lower()
    assert "httponly" in cookie and "samesite=strict" in cookie and "secure" not in cookie
    far = TestClient(app, base_url="http://atlas.example.org")     # not loopback: Secure
    assert "secure" in far.get("/login").headers["set-cookie"].lower()
    # a login form without the session's token is refused
    assert TestClient(app, base_url=BASE).post("/login", data={"csrf": "x", "username": "ed", "password": PW}).status_code == 403
    # logged in, a write without the token (or with another session's) is refused and changes nothing
    assert c.post("/ecosystems/nl/values", data=VALUE).status_code == 403
    assert c.post("/ecosystems/nl/values", data=dict(VALUE, csrf=csrf)).status_code == 403   # the pre-login token
    assert c.get("/api/ecosystems").status_code == 200
    assert TestClient(app, base_url=BASE).get("/api/ecosystems").status_code == 401
    app.state.workspace.close()


def _write_routes(app) -> list[tuple[str, str]]:
    """Every (method, path) of the route table that changes state (any kind of route, not only FastAPI's)."""
    return sorted((m, r.path) for r in app.routes for m in (getattr(r, "methods", None) or set()) & {"POST", "PUT", "PATCH", "DELETE"})


def test_every_write_route_is_authorised_on_the_server(built, tmp_path):
    """Every POST/PUT/PATCH/DELETE route of the app's route table, as anonymous, as viewer and as editor of
    another ecosystem: 401/403, and the workspace's fingerprint (row counts and checksums) unchanged."""
    from fastapi.routing import APIRoute

    from innovatlas.accounts.web import WRITE_ROUTES_PUBLIC
    from innovatlas.assess import portfolio, save_assessment
    from innovatlas.assess.inputs import PortfolioInput
    from innovatlas.web import create_app

    path = _copy(built, tmp_path)
    with Workspace(path) as ws:
        res = portfolio.assess(ws, PortfolioInput(name="acme", organisation=222222222))
        save_assessment(ws, name="acme", kind="portfolio", input_=PortfolioInput(name="acme", organisation=222222222).model_dump(mode="json"),
                        result=res, file=None)
    app = create_app(path)
    ed, ed_csrf = _login(app, "ed")
    assert ed.post("/ecosystems/nl/values", data=dict(VALUE, csrf=ed_csrf), follow_redirects=False).status_code == 303
    from innovatlas.editing import edits_of

    edit_id = edits_of(app.state.workspace.cursor(), "nl")[0]["edit_id"]
    fill = {"eco_id": "nl", "edit_id": str(edit_id), "name": "acme"}
    routes = _write_routes(app)
    guarded = [(m, p) for m, p in routes if p not in WRITE_ROUTES_PUBLIC]
    assert len(guarded) >= 9, routes                 # values, qualitative, targets, undo, snapshots, alerts, note, package, rerun
    # every guarded route depends on the writer check (401 / CSRF 403 / role 403)
    for r in app.routes:
        if r.path not in WRITE_ROUTES_PUBLIC and (getattr(r, "methods", None) or set()) & {"POST", "PUT", "PATCH", "DELETE"}:
            assert isinstance(r, APIRoute) and any(d.call.__name__ == "writer" for d in r.dependant.dependencies), r.path
    before = app.state.workspace.cursor().snapshot()
    body = dict(VALUE, label="x1", note="n", indicator_pct="5", target_value="1", target_year="2030", text="t",
                date="2024-01-01", evidence="https://example.org")
    results = {}
    for who in (None, "viewer", "other"):
        client, csrf = _login(app, who)
        for method, p in guarded:
            url = re.sub(r"\{(\w+)\}", lambda m: fill[m.group(1)], p)
            r = client.request(method, url, data=dict(body, csrf=csrf), follow_redirects=False)
            results[(who, method, url)] = r.status_code
    expected = {k: (401 if k[0] is None else 403) for k in results}
    assert results == expected
    assert app.state.workspace.cursor().snapshot() == before
    # the public ones (login, logout) change no workspace data either
    client, csrf = _login(app, None)
    client.post("/login", data={"csrf": csrf, "username": "viewer", "password": "wrong password"})
    client.post("/logout")
    assert app.state.workspace.cursor().snapshot() == before
    app.state.workspace.close()


# -- editing ---------------------------------------------------------------------------------------------------------
def _errors(html: str) -> dict[str, str]:
    import html as h

    return {m.group(1): h.unescape(m.group(2)) for m in re.finditer(r'id="err-values-(\w+)">([^<]+)<', html)}


def test_form_validation_is_the_file_import_validation(built, tmp_path):
    """The same bad record as a file row and as a form: the same problems, on the same fields, nothing saved."""
    from innovatlas.errors import InputError
    from innovatlas.inputs import VALUE_COLUMNS, import_values
    from innovatlas.web import create_app

    path = _copy(built, tmp_path)
    bad = dict(VALUE, year="20x1", confidential="yes", units="9,5", largest_share="1.2")
    f = tmp_path / "bad.csv"
    with open(f, "w", newline="", encoding="utf-8") as fh:
        w = csv.DictWriter(fh, fieldnames=VALUE_COLUMNS, extrasaction="ignore")
        w.writeheader()
        w.writerow(dict(bad, ecosystem="nl", author="ed"))
    with Workspace(path) as ws, pytest.raises(InputError) as exc:
        import_values(ws, f)
    from_file: dict[str, list[str]] = {}
    for e in exc.value.errors:
        from_file.setdefault(e.field, []).append(e.problem)
    app = create_app(path)
    c, csrf = _login(app, "ed")
    before = app.state.workspace.cursor().snapshot()
    r = c.post("/ecosystems/nl/values", data=dict(bad, csrf=csrf))
    assert r.status_code == 422
    shown = _errors(r.text)
    assert set(shown) == set(from_file) == {"year", "units", "largest_share"}
    for field, problems in from_file.items():
        assert all(p in shown[field] for p in problems), (field, shown[field])
    assert app.state.workspace.cursor().snapshot() == before
    app.state.workspace.close()


def _current(app, key=("nl", "2", "", 2021)):
    rows = app.state.workspace.cursor().dicts(A.Q.VALUE_CURRENT(*key))
    return rows[0] if rows else None


def test_history_and_undo(built, tmp_path):
    from innovatlas.editing import edits_of
    from innovatlas.web import create_app

    app = create_app(_copy(built, tmp_path))
    c, csrf = _login(app, "ed")
    assert c.post("/ecosystems/nl/values", data=dict(VALUE, csrf=csrf), follow_redirects=False).status_code == 303
    first = _current(app)
    assert first["value"] == 12.5 and first["entered_by"] == "ed"
    r = c.post("/ecosystems/nl/values", data=dict(VALUE, value="14", stamp=str(first["input_id"]), csrf=csrf),
               follow_redirects=False)
    assert r.status_code == 303 and _current(app)["value"] == 14.0
    log = edits_of(app.state.workspace.cursor(), "nl")
    assert [(e["username"], e["old_value"] and e["old_value"]["value"], e["new_value"]["value"]) for e in log] == \
           [("ed", 12.5, 14.0), ("ed", None, 12.5)]
    assert all(e["edited_at"] is not None for e in log)
    # undo the second edit: 12.5 is back (a copy of the row it replaced), the undo is logged too
    assert c.post(f"/ecosystems/nl/undo/{log[0]['edit_id']}", data={"csrf": csrf}, follow_redirects=False).status_code == 303
    back = _current(app)
    assert back["value"] == 12.5 and back["input_id"] != first["input_id"]
    log = edits_of(app.state.workspace.cursor(), "nl")
    assert log[0]["kind"] == "undo" and log[0]["undo_of"] == log[1]["edit_id"] and log[1]["undone_by"] == log[0]["edit_id"]
    # undoing it twice is a conflict, not a second change
    assert c.post(f"/ecosystems/nl/undo/{log[1]['edit_id']}", data={"csrf": csrf}).status_code == 409
    # undo of the first edit (a new value) removes it: nothing current for the key
    assert c.post(f"/ecosystems/nl/undo/{log[2]['edit_id']}", data={"csrf": csrf}).status_code == 409  # changed since
    # targets and qualitative entries go through the same history
    assert c.post("/ecosystems/nl/targets", data={"csrf": csrf, "indicator": "29", "target_value": "5",
                                                   "target_year": "2030"}, follow_redirects=False).status_code == 303
    assert c.post("/ecosystems/nl/qualitative", data={"csrf": csrf, "indicator": "4", "text": "Campus council meets monthly",
                                                       "date": "2025-03-01", "evidence": "https://example.org/minutes"},
                  follow_redirects=False).status_code == 303
    log = edits_of(app.state.workspace.cursor(), "nl")
    t = next(e for e in log if e["kind"] == "target")
    assert c.post(f"/ecosystems/nl/undo/{t['edit_id']}", data={"csrf": csrf}, follow_redirects=False).status_code == 303
    assert app.state.workspace.cursor().rows(A.Q.TARGETS_CURRENT_OF("nl")) == []
    app.state.workspace.close()


def test_two_sessions_saving_the_same_value_get_a_conflict(built, tmp_path):
    from innovatlas.web import create_app

    app = create_app(_copy(built, tmp_path))
    a, a_csrf = _login(app, "ed")
    b, b_csrf = _login(app, "ed2")
    assert a.post("/ecosystems/nl/values", data=dict(VALUE, csrf=a_csrf), follow_redirects=False).status_code == 303
    stamp = str(_current(app)["input_id"])      # both editors open the form of that value
    assert a.post("/ecosystems/nl/values", data=dict(VALUE, value="20", stamp=stamp, csrf=a_csrf),
                  follow_redirects=False).status_code == 303
    r = b.post("/ecosystems/nl/values", data=dict(VALUE, value="30", stamp=stamp, csrf=b_csrf))
    assert r.status_code == 409
    text = re.search(r'id="conflict"[^>]*>(.+?)</div>', r.text, re.S).group(1)
    assert "20" in text and "30" in text                                   # both values shown
    assert _current(app)["value"] == 20.0                                  # no lost update
    # racing saves from the same rendered form: exactly one wins, the others get 409
    stamp = str(_current(app)["input_id"])
    codes = []

    def save(client, csrf, v):
        codes.append(client.post("/ecosystems/nl/values", data=dict(VALUE, value=v, stamp=stamp, csrf=csrf),
                                 follow_redirects=False).status_code)

    threads = [threading.Thread(target=save, args=(cl, cs, v)) for cl, cs, v in ((a, a_csrf, "41"), (b, b_csrf, "42"))]
    [t.start() for t in threads]
    [t.join() for t in threads]
    assert sorted(codes) == [303, 409], codes
    assert _current(app)["value"] in (41.0, 42.0)
    app.state.workspace.close()


# -- monitoring cycles -----------------------------------------------------------------------------------------------
def test_snapshots_compare_alerts_exports_and_snapshot_report(built, tmp_path):
    from openpyxl import load_workbook

    from innovatlas.cli import app as cli
    from innovatlas.web import create_app

    path = _copy(built, tmp_path)
    run = lambda *a: CliRunner().invoke(cli, [*a, "-w", str(path)])  # noqa: E731
    with Workspace(path) as ws:
        members = ws.scalar("SELECT count(DISTINCT pic) FROM ecosystem_member WHERE ecosystem_id = 'nl'")
    assert members == 3                       # by hand: TU Delft, ACME, BIGCORP are the Dutch organisations
    r = run("snapshot", "nl", "--label", "2025")
    assert r.exit_code == 0 and "3 members" in r.output
    assert run("snapshot", "nl", "--label", "2025").exit_code == 2          # never overwritten
    app = create_app(path)
    c, csrf = _login(app, "ed")
    c.post("/ecosystems/nl/values", data=dict(VALUE, csrf=csrf))
    assert c.post("/ecosystems/nl/snapshots", data={"csrf": csrf, "label": "2026"}, follow_redirects=False).status_code == 303
    stamp = str(_current(app)["input_id"])
    c.post("/ecosystems/nl/values", data=dict(VALUE, value="14", stamp=stamp, csrf=csrf))   # +12 % since 2026
    res = c.get("/api/ecosystems/nl/snapshots/compare?a=2025&b=2026").json()
    assert res["entered_total"] == 0 and res["left_total"] == 0
    assert [(i["indicator"], i["a"], i["b"]) for i in res["inputs"]] == [("2", None, 12.5)]
    orgs = next(i for i in res["indicators"] if i["indicator"] == "29" and i["measure"] == "organisations" and i["breakdown"] == "")
    assert orgs["a"] == orgs["b"] == 3
    alerts = c.get("/api/ecosystems/nl/alerts").json()     # latest snapshot (2026) to now
    assert alerts["since"] == "2026"
    moved = [a for a in alerts["items"] if a["kind"] == "input"]
    assert len(moved) == 1 and moved[0]["from"] == "12.500" and moved[0]["to"] == "14" and moved[0]["change"] == "12.0%"
    # a higher threshold silences it (set in the browser)
    assert c.post("/ecosystems/nl/alerts", data={"csrf": csrf, "indicator_pct": "15", "verdicts": "on"},
                  follow_redirects=False).status_code == 303
    assert not [a for a in c.get("/api/ecosystems/nl/alerts").json()["items"] if a["kind"] == "input"]
    assert c.post("/ecosystems/nl/alerts", data={"csrf": csrf, "indicator_pct": "10"}, follow_redirects=False).status_code == 303
    rows = list(csv.DictReader(io.StringIO(c.get("/api/ecosystems/nl/alerts?format=csv").text)))
    assert [(r["kind"], r["change"]) for r in rows if r["kind"] == "input"] == [("input", "12.0%")]
    wb = load_workbook(io.BytesIO(c.get("/api/ecosystems/nl/alerts?format=xlsx").content))
    assert [row[3] for row in wb["alerts"].iter_rows(min_row=2, values_only=True)] == ["input"]
    nl = c.get("/api/ecosystems/nl/alerts?lang=nl").json()
    assert nl["items"][0]["change"] == "12,0%" and "veranderingen" in nl["heading"]
    app.state.workspace.close()
    out = run("monitor", "nl", "--export", str(tmp_path / "alerts.xlsx"))
    assert out.exit_code == 0 and "12.0%" in out.output and (tmp_path / "alerts.xlsx").exists()
    rep = run("report", "--snapshot", "2026", "--out", str(tmp_path / "rep"))
    assert rep.exit_code == 0
    html = (tmp_path / "rep" / "snapshot-2026.html").read_text(encoding="utf-8")
    assert "Monitoring cycle 2026" in html and "12.500" in html


def test_snapshot_inputs_stay_disclosure_controlled(built, tmp_path):
    """A confidential value with 4 contributing units (fewer than the default 10) is frozen raw but never shown."""
    from innovatlas.cycles import compare, snapshot_view, take_snapshot
    from innovatlas.inputs import import_values

    path = _copy(built, tmp_path, users=False)
    f = tmp_path / "conf.csv"
    f.write_text("ecosystem,indicator,year,value,unit,source,kind,confidential,units,largest_share,author\n"
                 "nl,2,2021,4242,EUR,cbs,import,yes,4,0.3,me\n", encoding="utf-8")
    with Workspace(path) as ws:
        import_values(ws, f)
        take_snapshot(ws, "nl", "s1", "test")
        assert ws.scalar("SELECT value FROM snapshot_input") == 4242          # the copy is faithful
        view = snapshot_view(ws, "nl", "s1")
        c = compare(ws, "nl", "s1", None)
    assert [(r["value"], r["withheld"]) for r in view["inputs"]] == [(None, True)]
    assert [(r["a"], r["b"], r["a_withheld"], r["b_withheld"]) for r in c["inputs"]] == [(None, None, True, True)]
    assert "4242" not in json.dumps(c, default=str)


# -- learning community ----------------------------------------------------------------------------------------------
def test_monitoring_package_round_trip_and_comparison(built, tmp_path):
    from innovatlas.cli import app as cli
    from innovatlas.community import comparison
    from innovatlas.inputs import import_qualitative, import_targets, import_values

    src = _copy(built, tmp_path, users=False)
    (tmp_path / "v.csv").write_text("ecosystem,indicator,year,value,unit,source,kind,confidential,units,largest_share,author\n"
                                    "delft,2,2021,987654,EUR,cbs,import,yes,40,0.3,me\n"
                                    "eindhoven,3,2021,55,FTE,own,survey,no,,,me\n", encoding="utf-8")
    (tmp_path / "t.csv").write_text("ecosystem,indicator,target_value,target_year,direction,author\n"
                                    "delft,29,10,2030,higher,me\neindhoven,29,8,2028,higher,me\n", encoding="utf-8")
    (tmp_path / "q.csv").write_text("ecosystem,indicator,text,date,author,evidence\n"
                                    "eindhoven,4,Strategy agreed,2025-01-01,me,doi:10.1/x|https://example.org/a\n",
                                    encoding="utf-8")
    with Workspace(src) as ws:
        import_values(ws, tmp_path / "v.csv")
        import_targets(ws, tmp_path / "t.csv")
        import_qualitative(ws, tmp_path / "q.csv")
        comp = comparison(ws, "delft")
    # delft monitors #2 and #29 (target); eindhoven #3, #4 (qualitative) and #29: what eindhoven does and delft does not
    assert [(i["indicator"], i["used_by"]) for i in comp["others"]["indicators"]] == [("3", ["Eindhoven"]), ("4", ["Eindhoven"])]
    assert comp["others"]["evidence_types"] == ["doi", "web"]
    assert {r["id"]: r["catalogue"] for r in comp["coverage"]} == {"delft": 2, "eindhoven": 3}
    assert [(t["ecosystem_id"], t["target_value"]) for t in next(g for g in comp["targets"] if g["indicator"] == "29")["items"]] \
           == [("delft", 10.0), ("eindhoven", 8.0)]
    pkg = tmp_path / "delft.json"
    assert CliRunner().invoke(cli, ["package", "export", "delft", str(pkg), "-w", str(src)]).exit_code == 0
    text = pkg.read_text(encoding="utf-8")
    assert "987654" not in text and json.loads(text)["targets"][0]["target_value"] == 10
    assert json.loads(text)["definition"]["select"]
    dst = tmp_path / "other.duckdb"
    shutil.copy(built, dst)
    res = CliRunner().invoke(cli, ["package", "import", str(pkg), "--ecosystem", "utrecht", "--definitions-out",
                                   str(tmp_path / "d.toml"), "-w", str(dst)])
    assert res.exit_code == 0, res.output
    with Workspace(dst) as ws:
        assert [(t["indicator"], t["target_value"]) for t in ws.dicts(A.Q.TARGETS_CURRENT_OF("utrecht"))] == [("29", 10.0)]
        comp = comparison(ws, "utrecht")
    assert any(c["id"] == "package:delft" for c in comp["columns"])
    assert [i["indicator"] for i in comp["others"]["indicators"]] == ["2"]      # delft's #2, learnt from the package
    from innovatlas.analysis import load_definitions

    back = {e.id: e for e in load_definitions(tmp_path / "d.toml").ecosystems}["delft"]
    orig = {e.id: e for e in load_definitions().ecosystems}["delft"]
    assert back.model_dump() == orig.model_dump()                   # the definition travels whole
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "something else"}', encoding="utf-8")
    r = CliRunner().invoke(cli, ["package", "import", str(bad), "-w", str(dst)])
    assert r.exit_code == 2 and "not a monitoring package" in r.output


def test_definition_preview_save_and_undo_and_assessments_in_the_browser(built, tmp_path):
    """Preview counts what the edited filters give. By hand from the synthetic download: the Netherlands
    (country NL) has 3 members in 3 projects; projects starting in 2016 are project 101 alone, whose Dutch
    participants are TU Delft and ACME (BIGCORP would leave). Saving re-runs the analysis; undo restores it."""
    import html as h

    from innovatlas.editing import edits_of
    from innovatlas.web import create_app

    app = create_app(_copy(built, tmp_path))
    c, csrf = _login(app, "admin")
    page = c.get("/ecosystems/nl/definition")
    assert page.status_code == 200
    text = h.unescape(re.search(r'<textarea name="text"[^>]*>(.*?)</textarea>', page.text, re.S).group(1))
    assert 'id = "nl"' in text and 'select.country = ["NL"]' in text
    counts = lambda t: re.findall(r'id="preview-counts">([^<]+)', h.unescape(c.get("/ecosystems/nl/definition",  # noqa: E731
                                                                                      params={"text": t}).text))
    assert counts(text) == ["members: 3 · projects: 3 · would enter: 0 · would leave: 0"]
    narrower = text + "select.years = [2016, 2016]\n"
    assert counts(narrower) == ["members: 2 · projects: 1 · would enter: 0 · would leave: 1"]
    bad = c.get("/ecosystems/nl/definition", params={"text": text.replace('id = "nl"', 'id = "x"')})
    assert bad.status_code == 422 and "exactly one ecosystem" in bad.text
    bad = c.get("/ecosystems/nl/definition", params={"text": text + "select.years = [2016]\n"})
    assert bad.status_code == 422 and "years" in bad.text
    stamp = re.search(r'name="stamp" value="([^"]+)"', c.get("/ecosystems/nl/definition", params={"text": narrower}).text).group(1)
    assert c.post("/ecosystems/nl/snapshots", data={"csrf": csrf, "label": "before"}, follow_redirects=False).status_code == 303
    r = c.post("/ecosystems/nl/definition", data={"csrf": csrf, "text": narrower, "stamp": stamp}, follow_redirects=False)
    assert r.status_code == 303
    moved = c.get("/api/ecosystems/nl/snapshots/compare?a=before").json()     # the snapshot beside now
    assert (moved["entered_total"], moved["left_total"]) == (0, 1)
    assert [(m["pic"], m["label"]) for m in moved["left"]] == [(333333333, "BIGCORP NV; HOLDING")]
    members = lambda: [p for (p,) in app.state.workspace.cursor().rows(  # noqa: E731 - an independent query
        "SELECT DISTINCT pic FROM ecosystem_member WHERE ecosystem_id = 'nl' ORDER BY pic")]
    assert members() == [111111111, 222222222]
    assert c.post("/ecosystems/nl/definition", data={"csrf": csrf, "text": text, "stamp": stamp}).status_code == 409
    e = edits_of(app.state.workspace.cursor(), "nl")[0]
    assert e["kind"] == "definition" and e["new_value"]["select"]["years"] == [2016, 2016]
    assert c.post(f"/ecosystems/nl/undo/{e['edit_id']}", data={"csrf": csrf}, follow_redirects=False).status_code == 303
    assert members() == [111111111, 222222222, 333333333]
    # an assessment created from YAML in the browser, validated as the file would be
    bad = c.post("/assessments", data={"csrf": csrf, "text": "kind: portfolio\nname: acme\norganisation: notanumber\n"})
    assert bad.status_code == 422 and "organisation" in bad.text
    ok = c.post("/assessments", data={"csrf": csrf, "text": "kind: portfolio\nname: acme\norganisation: 222222222\n"},
                follow_redirects=False)
    assert ok.status_code == 303 and ok.headers["location"].startswith("/assessments/acme")
    assert c.post("/assessments/acme/rerun", data={"csrf": csrf}, follow_redirects=False).status_code == 303
    ed, ed_csrf = _login(app, "ed")                   # an editor of nl may not create an assessment of no ecosystem
    assert ed.post("/assessments", data={"csrf": ed_csrf, "text": "kind: portfolio\nname: acme2\norganisation: 222222222\n"}).status_code == 403
    app.state.workspace.close()


def test_qualitative_entry_edited_and_undone(built, tmp_path):
    from innovatlas.editing import current_qualitative, edits_of
    from innovatlas.web import create_app

    app = create_app(_copy(built, tmp_path))
    c, csrf = _login(app, "ed")
    entry = {"csrf": csrf, "indicator": "4", "text": "Board meets monthly", "date": "2025-03-01", "author": "ed",
             "evidence": "https://example.org/minutes"}
    assert c.post("/ecosystems/nl/qualitative", data=dict(entry, evidence="minutes.pdf")).status_code == 422  # not a link
    assert c.post("/ecosystems/nl/qualitative", data=entry, follow_redirects=False).status_code == 303
    cur = lambda: current_qualitative(app.state.workspace.cursor(), "nl")  # noqa: E731
    first = cur()[0]
    r = c.post("/ecosystems/nl/qualitative", data=dict(entry, text="Board meets weekly", stamp=str(first["entry_id"])),
               follow_redirects=False)
    assert r.status_code == 303 and [q["text"] for q in cur()] == ["Board meets weekly"]
    # the form rendered before that edit is now stale: a conflict, nothing overwritten
    stale = c.post("/ecosystems/nl/qualitative", data=dict(entry, text="Board never meets", stamp=str(first["entry_id"])))
    assert stale.status_code == 409 and [q["text"] for q in cur()] == ["Board meets weekly"]
    e = edits_of(app.state.workspace.cursor(), "nl")[0]
    assert (e["old_value"]["text"], e["new_value"]["text"]) == ("Board meets monthly", "Board meets weekly")
    assert c.post(f"/ecosystems/nl/undo/{e['edit_id']}", data={"csrf": csrf}, follow_redirects=False).status_code == 303
    assert [q["text"] for q in cur()] == ["Board meets monthly"]
    app.state.workspace.close()


def test_form_errors_in_dutch(built, tmp_path):
    from innovatlas.web import create_app

    app = create_app(_copy(built, tmp_path))
    c, csrf = _login(app, "ed")
    r = c.post("/ecosystems/nl/values?lang=nl", data=dict(VALUE, year="20x1", unit="", csrf=csrf))
    assert r.status_code == 422
    shown = _errors(r.text)
    assert shown["year"].startswith("'20x1' is geen getal (gebruik cijfers") and shown["unit"] == "dit verplichte veld is leeg (vul het in)"
    assert "Het formulier bevat fouten" in r.text
    app.state.workspace.close()
