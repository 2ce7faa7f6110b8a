"""Shared fixtures: a small synthetic CORDIS download (worked out by hand in the tests) and
a workspace built from the real data in ../shared/data."""

from __future__ import annotations

import json
import shutil
import socket
import threading
import time
from pathlib import Path

import pytest

from innovatlas.store import Workspace

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "data"

# --- synthetic CORDIS files in the current official layout -------------------------------
# Three projects, six organisations (three Dutch). Values are invented; expected results
# are derived by hand in test_synthetic.py.
PROJECT_HEADER = ("id;acronym;status;title;startDate;endDate;totalCost;ecMaxContribution;legalBasis;topics;"
                  "ecSignatureDate;frameworkProgramme;masterCall;subCall;fundingScheme;nature;objective;"
                  "contentUpdateDate;rcn;grantDoi")
PROJECT_ROWS = [
    '101;ALPHA;CLOSED;"Alpha health study";2016-01-01;2019-12-31;300000;220000;H2020-EU.3.1.1.;SC1-PM-01-2016;'
    '2015-11-01;H2020;H2020-PHC-2016;H2020-PHC-2016;RIA;;"Health; wellbeing";2020-01-01 10:00:00;9001;',
    '102;BETA;CLOSED;"Energy; storage ""grid""";2017-03-01;2020-02-28;400000;310000;H2020-EU.3.3.2.;LCE-01-2017;'
    '2017-01-01;H2020;H2020-LCE-2017;H2020-LCE-2017;IA;;"Line one\nline two; with semicolon";2020-01-01 10:00:00;9002;',
    '103;GAMMA;CLOSED;"Gamma training network";2017-06-01;2021-05-31;170000;170000;H2020-EU.1.3.1.;MSCA-ITN-2017;'
    '2017-04-01;H2020;H2020-MSCA-ITN-2017;H2020-MSCA-ITN-2017;MSCA-ITN-ETN;;"Training";2020-01-01 10:00:00;9003;',
]
ORG_HEADER = ("projectID;projectAcronym;organisationID;vatNumber;name;shortName;SME;activityType;street;postCode;city;"
              "country;nutsCode;geolocation;organizationURL;contactForm;contentUpdateDate;rcn;order;role;"
              "ecContribution;netEcContribution;totalCost;endOfParticipation;active")
# (project, pic, name, sme, activity, city, postcode, country, role, contribution)
ORGS = [
    (101, 111111111, "TECHNISCHE UNIVERSITEIT DELFT", "false", "HES", "DELFT", "2628 CN", "NL", "coordinator", 100000),
    (101, 222222222, "ACME BV", "true", "PRC", "Eindhoven", "5612 AZ", "NL", "participant", 50000),
    (101, 444444444, "UNIVERSITE X", "false", "HES", "PARIS", "75005", "FR", "participant", 70000),
    (101, 555555555, "US LAB INC", "false", "PRC", "BOSTON", "02110", "US", "partner", 0),
    (102, 222222222, "ACME BV", "true", "PRC", "Eindhoven", "5612 AZ", "NL", "coordinator", 200000),
    (102, 333333333, "BIGCORP NV; HOLDING", "false", "PRC", "DEN HAAG", "2595 AA", "NL", "participant", 80000),
    (102, 666666666, "SWISS REC", "false", "REC", "ZURICH", "8001", "CH", "participant", 30000),
    (103, 111111111, "TECHNISCHE UNIVERSITEIT DELFT", "false", "HES", "DELFT", "2628 CN", "NL", "coordinator", 150000),
    (103, 333333333, "BIGCORP NV; HOLDING", "false", "PRC", "DEN HAAG", "2595 AA", "NL", "participant", 20000),
]


def _q(v) -> str:
    s = str(v)
    return '"' + s.replace('"', '""') + '"' if (";" in s or '"' in s or "\n" in s) else s


def org_lines() -> list[str]:
    out = []
    for i, (proj, pic, name, sme, act, city, pc, country, role, contrib) in enumerate(ORGS):
        out.append(";".join(_q(x) for x in [proj, "X", pic, "", name, "", sme, act, "Street 1", pc, city, country, "",
                                            "", "", "", "2020-01-01", 8000 + i, i, role, contrib, contrib, contrib,
                                            "false", "true"]))
    return out


@pytest.fixture
def synthetic_dir(tmp_path: Path) -> Path:
    d = tmp_path / "cordis-h2020projects-csv"
    d.mkdir()
    (d / "project.csv").write_text("\n".join([PROJECT_HEADER, *PROJECT_ROWS]) + "\n", encoding="utf-8")
    (d / "organization.csv").write_text("\n".join([ORG_HEADER, *org_lines()]) + "\n", encoding="utf-8")
    return d


@pytest.fixture
def synthetic_geo(tmp_path: Path) -> Path:
    """A synthetic CBS classification: three municipalities with COROP and province, no geometry."""
    feats = [
        {"statcode": "GM0503", "statnaam": "Delft", "corop_gebied": "CR26", "provincie": "PV28"},
        {"statcode": "GM0772", "statnaam": "Eindhoven", "corop_gebied": "CR36", "provincie": "PV30"},
        {"statcode": "GM0518", "statnaam": "'s-Gravenhage", "corop_gebied": "CR28", "provincie": "PV28"},
        {"statcode": "GM0344", "statnaam": "Utrecht", "corop_gebied": "CR17", "provincie": "PV26"},
        {"statcode": "CR26", "statnaam": "Delft en Westland", "provincie": "PV28"},
        {"statcode": "CR28", "statnaam": "Agglomeratie 's-Gravenhage", "provincie": "PV28"},
        {"statcode": "CR36", "statnaam": "Zuidoost-Noord-Brabant", "provincie": "PV30"},
        {"statcode": "CR17", "statnaam": "Utrecht", "provincie": "PV26"},
        {"statcode": "PV28", "statnaam": "Zuid-Holland"},
        {"statcode": "PV30", "statnaam": "Noord-Brabant"},
        {"statcode": "PV26", "statnaam": "Utrecht"},
    ]
    doc = {"type": "FeatureCollection", "features": [{"type": "Feature", "properties": p, "geometry": None} for p in feats]}
    path = tmp_path / "synthetic_regions_2015.geojson"
    path.write_text(json.dumps(doc), encoding="utf-8")
    return path


@pytest.fixture
def synthetic_fp7(tmp_path: Path) -> Path:
    """One Dutch organisation known only from an FP7 name table (reference population for #37)."""
    path = tmp_path / "organizations.csv"
    path.write_text('idOrganization,country,name,address,last_update\n'
                    '777777777,NL,OLD FIRM BV,"Oudegracht 1, Utrecht, 3511 AA",2018-01-01\n', encoding="utf-8")
    return path


@pytest.fixture
def ws(tmp_path: Path) -> Workspace:
    w = Workspace(tmp_path / "ws.duckdb")
    yield w
    w.close()


@pytest.fixture
def synthetic_ws(ws, synthetic_dir, synthetic_geo, synthetic_fp7):
    """The synthetic download with its regions and FP7 name, analysed with the demo definitions."""
    from innovatlas.analysis import analyse, load_definitions
    from innovatlas.sources import cordis, geo

    geo.import_paths(ws, [synthetic_geo])
    cordis.import_paths(ws, [synthetic_dir, synthetic_fp7])
    analyse(ws, load_definitions())
    return ws


@pytest.fixture(scope="session")
def real_workspace(tmp_path_factory) -> Path:
    """The demo data imported and analysed once per test session."""
    if not SHARED.exists():
        pytest.fail(f"the shared data folder {SHARED} is missing; integration tests need it")
    from innovatlas.analysis import analyse, load_definitions
    from innovatlas.demo import DEMO_FILES
    from innovatlas.sources import get_source

    path = tmp_path_factory.mktemp("real") / "real.duckdb"
    with Workspace(path) as w:
        for source in ("geo", "ror", "cordis", "ris", "openalex"):
            get_source(source).import_paths(w, [SHARED / rel for s, rel in DEMO_FILES if s == source])
        analyse(w, load_definitions())
    return path


@pytest.fixture(scope="module")
def real_ws(real_workspace):
    """The analysed real workspace, opened read-only (for tests that only read)."""
    w = Workspace(real_workspace, read_only=True)
    yield w
    w.close()


# --- a real server and a real browser (Debian's Chromium through Playwright) -----------------
ARTIFACTS = Path(__file__).resolve().parents[1] / "test-artifacts"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--enable-unsafe-swiftshader", "--use-angle=swiftshader"]


@pytest.fixture(scope="module")
def server(real_workspace):
    """uvicorn on a free loopback port over the real workspace."""
    import uvicorn

    from innovatlas.web import create_app

    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    sock.close()
    srv = uvicorn.Server(uvicorn.Config(create_app(real_workspace), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    for _ in range(100):
        if srv.started:
            break
        time.sleep(0.05)
    assert srv.started, "the server did not start"
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.fail("Chromium is not installed: 'make test' installs Debian's chromium package (apt-get install chromium)")
    ARTIFACTS.mkdir(exist_ok=True)
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser):
    ctx = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    pg = ctx.new_page()
    errors: list[str] = []
    pg.on("pageerror", lambda e: errors.append(str(e)))
    yield pg
    ctx.close()
    assert not errors, errors
