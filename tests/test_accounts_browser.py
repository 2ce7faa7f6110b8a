"""Monitoring together in a real browser (issue 12): Debian's Chromium through Playwright against uvicorn over a
copy of the real workspace with accounts: login, an edit with a validation error, undo, snapshot and compare,
a denied action and the learning-community page. Screenshots go under pytest's tmp_path (and are copied to
``$INNOVATLAS_SCREENSHOTS`` when that is set)."""

from __future__ import annotations

import os
import re
import shutil
import socket
import threading
import time
from pathlib import Path

import pytest

from innovatlas import accounts as A
from innovatlas.store import Workspace

PW = "correct horse battery"


@pytest.fixture(scope="module")
def live(real_workspace, tmp_path_factory):
    import uvicorn

    from innovatlas.web import create_app

    path = tmp_path_factory.mktemp("accounts-live") / "ws.duckdb"
    shutil.copy(real_workspace, path)
    root = path.parent
    (root / "v.csv").write_text("ecosystem,indicator,year,value,unit,source,kind,confidential,units,largest_share,author\n"
                                "eindhoven,3,2023,5400,FTE,Brainport monitor,survey,no,,,bram\n", encoding="utf-8")
    (root / "t.csv").write_text("ecosystem,indicator,target_value,target_year,direction,author\n"
                                "eindhoven,29,1200,2030,higher,bram\n", encoding="utf-8")
    (root / "q.csv").write_text("ecosystem,indicator,text,date,author,evidence\n"
                                "eindhoven,4,Triple-helix board meets quarterly,2025-02-01,bram,doi:10.5281/zenodo.1\n",
                                encoding="utf-8")
    from innovatlas.inputs import import_qualitative, import_targets, import_values

    with Workspace(path) as ws:
        A.add_user(ws, "anna", PW, "editor", "delft")
        A.add_user(ws, "victor", PW, "viewer")
        import_values(ws, root / "v.csv")          # another ecosystem's practice, for the learning community
        import_targets(ws, root / "t.csv")
        import_qualitative(ws, root / "q.csv")
    app = create_app(path)
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    sock.close()
    srv = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    for _ in range(200):
        if srv.started:
            break
        time.sleep(0.05)
    assert srv.started
    yield f"http://127.0.0.1:{port}", app
    srv.should_exit = True
    thread.join(timeout=10)
    app.state.workspace.close()


@pytest.fixture
def shots(tmp_path):
    d = tmp_path / "screenshots"
    d.mkdir()
    yield d
    extra = os.environ.get("INNOVATLAS_SCREENSHOTS")
    if extra:
        Path(extra).mkdir(parents=True, exist_ok=True)
        for p in d.glob("*.png"):
            shutil.copy(p, Path(extra) / p.name)


def _login(page, base: str, user: str, shots: Path | None = None, password: str = PW) -> None:
    page.goto(f"{base}/ecosystems/delft/monitoring")
    assert "/login" in page.url                       # with accounts every page asks for a login first
    page.fill("input[name=username]", user)
    page.fill("input[name=password]", password)
    if shots:
        page.screenshot(path=str(shots / "01-login.png"))
    page.click("#login-form button[type=submit]")
    page.wait_for_url(re.compile(r"/ecosystems/delft/monitoring"))
    assert page.text_content("#account-name") == user


def test_editor_flow_login_validation_undo_snapshot_compare_community(live, page, shots):
    base, app = live
    _login(page, base, "anna", shots)
    page.click("#edit-link")
    page.wait_for_url(re.compile(r"/ecosystems/delft/edit"))
    # an edit with a validation error: shown next to the field, nothing saved
    form = page.locator("#value-form")
    form.locator("select[name=indicator]").select_option("2")
    form.locator("input[name=year]").fill("20x1")
    form.locator("input[name=value]").fill("1250000")
    form.locator("input[name=unit]").fill("EUR")
    form.locator("input[name=source]").fill("own survey 2025")
    form.locator("button[type=submit]").click()
    page.wait_for_selector("#err-values-year")
    assert "is not a number" in page.text_content("#err-values-year")
    assert page.get_attribute("#value-form input[name=year]", "aria-invalid") == "true"
    assert page.input_value("#value-form input[name=value]") == "1250000"        # what was typed stays
    page.screenshot(path=str(shots / "02-validation-error.png"), full_page=True)
    assert app.state.workspace.cursor().rows(A.Q.VALUES_CURRENT_OF("delft")) == []
    page.fill("#value-form input[name=year]", "2024")
    page.click("#value-form button[type=submit]")
    page.wait_for_selector("#notice")
    assert [r[3:5] for r in app.state.workspace.cursor().rows(A.Q.VALUES_CURRENT_OF("delft"))] == [(2024, 1250000.0)]
    # change it (the per-row form carries the stamp it was rendered from), then undo the change
    page.click("#values + table details summary")
    page.fill("#values + table details input[name=value]", "1400000")
    page.click("#values + table details button[type=submit]")
    page.wait_for_selector("#notice")
    assert "1,400,000" in page.text_content("#values + table")
    assert page.text_content("#history-table tbody tr:first-child td.old").strip() == "1250000.0"
    page.screenshot(path=str(shots / "03-history.png"), full_page=True)
    page.click("#history-table tbody tr:first-child button.undo")
    page.wait_for_selector("#notice")
    assert "previous value is back" in page.text_content("#notice")
    assert "1,250,000" in page.text_content("#values + table")
    page.screenshot(path=str(shots / "04-undone.png"), full_page=True)
    # snapshot, change, snapshot, compare
    page.goto(f"{base}/ecosystems/delft/monitoring")
    page.fill("#snapshot-form input[name=label]", "2025")
    page.click("#snapshot-form button")
    page.wait_for_selector("#snapshots-table a:text('2025')")
    page.goto(f"{base}/ecosystems/delft/edit")
    page.click("#values + table details summary")
    page.fill("#values + table details input[name=value]", "1500000")
    page.click("#values + table details button[type=submit]")
    page.wait_for_selector("#notice")
    page.goto(f"{base}/ecosystems/delft/monitoring")
    page.fill("#snapshot-form input[name=label]", "2026")
    page.click("#snapshot-form button")
    page.wait_for_selector("#snapshots-table a:text('2026')")
    page.click("#compare-form button")
    page.wait_for_url(re.compile(r"/snapshots/compare"))
    assert page.text_content("#side-a") == "2025" and page.text_content("#side-b") == "2026"
    row = page.locator("#inputs tbody tr").first.text_content()
    assert "1,250,000" in row and "1,500,000" in row and "20.0%" in row
    assert "entered: 0" in page.text_content("#members-summary")
    page.screenshot(path=str(shots / "05-compare.png"), full_page=True)
    # the alerts on the monitoring page: latest snapshot (2026) to now, nothing moved since
    page.goto(f"{base}/ecosystems/delft/monitoring?lang=nl")
    assert "veranderingen van momentopname '2026' tot nu" in page.text_content("#alerts-heading")
    # the learning community
    page.goto(f"{base}/community?focus=delft")
    assert "1 / 50" in page.locator("#coverage").text_content()
    others = page.locator("#others-table").text_content()
    assert "Eindhoven" in others and "29" in others and "doi" in page.text_content("main")
    assert page.locator("#matrix tbody tr").count() >= 1
    page.screenshot(path=str(shots / "06-community.png"), full_page=True)


def test_viewer_is_denied(live, page, shots):
    base, app = live
    _login(page, base, "victor")
    assert page.locator("#snapshot-form").count() == 0          # no write forms for a viewer
    before = app.state.workspace.cursor().snapshot()
    resp = page.goto(f"{base}/ecosystems/delft/edit")
    assert resp.status == 403
    assert "may not" in page.text_content("main")
    page.screenshot(path=str(shots / "07-denied.png"), full_page=True)
    # a forged form post with the viewer's own session and token: refused on the server
    page.goto(f"{base}/ecosystems/delft/monitoring")
    token = page.get_attribute("form.account input[name=csrf]", "value")
    r = page.request.post(f"{base}/ecosystems/delft/snapshots", form={"csrf": token, "label": "forged"})
    assert r.status == 403
    assert app.state.workspace.cursor().snapshot() == before
