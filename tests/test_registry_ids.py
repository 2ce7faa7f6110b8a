"""VAT numbers and OpenAlex institution ids in the organisation registry (issue 14).

Synthetic (invented): the conftest download, the synthetic ROR records of test_registry.py and a Horizon
Dashboard export of three rows, worked out by hand. Real: the VAT numbers of the shared Horizon Dashboard
sample, and Dutch institutions parsed here from the OpenAlex works API sample
(../shared/data/openalex-works-api-samples, current schema) with the ROR ids OpenAlex gives.
"""

from __future__ import annotations

import csv
import gzip
import json

import duckdb
import pytest

from conftest import SHARED
from innovatlas.errors import InputError
from innovatlas.registry.openalex import register_openalex_institutions
from test_registry import ror_csv

DASHBOARD = SHARED / "cordis-fp7-h2020-partial-years-swissparticipation" / "dashboard-export-2021.csv.gz"
_HEADER = ["framework_programme", "project_id", "partner_role", "pic", "legal_entity_vat", "legal_name",
           "legal_entity_type", "city", "nuts_3_code", "country_code", "sme_flag", "project_start_date"]


def _dashboard(path, rows):
    """A synthetic Horizon Dashboard export: the columns above (SME flag 'No', start 01/01/2021 on every row)."""
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(_HEADER)
        w.writerows([r + ["No", "01/01/2021"] for r in rows])
    return path


@pytest.fixture
def vat_ws(synthetic_ws, tmp_path):
    from innovatlas.sources import cordis, ror

    ror.import_paths(synthetic_ws, [ror_csv(tmp_path / "ror.csv")])
    # BIGCORP (333333333, ROR Bigcorp Group) and the FP7-only OLD FIRM (777777777) share a VAT number, written two
    # ways; UNIVERSITE X (FR) and US LAB (US) share one too; SWISS REC's '.' is no number.
    _dashboard(tmp_path / "dashboard-export.csv", [
        ["H2020", "1", "PARTICIPANT", "333333333", "NL 8000.00.001.B01", "BIGCORP NV", "PRC", "DEN HAAG", "NL332", "NL"],
        ["H2020", "2", "PARTICIPANT", "777777777", "nl800000001b01", "OLD FIRM B.V.", "PRC", "UTRECHT", "NL310", "NL"],
        ["H2020", "2", "PARTICIPANT", "777777777", "nl800000001b01", "OLD FIRM B.V.", "PRC", "UTRECHT", "NL310", "NL"],
        ["H2020", "3", "PARTICIPANT", "444444444", "FR12345678901", "UNIVERSITE X", "HES", "PARIS", "FR101", "FR"],
        ["H2020", "3", "PARTICIPANT", "555555555", "fr 123-456-789-01", "US LAB INC", "PRC", "BOSTON", "", "US"],
        ["H2020", "3", "PARTICIPANT", "666666666", ".", "SWISS REC", "REC", "ZURICH", "", "CH"],
    ])
    cordis.import_paths(synthetic_ws, [tmp_path / "dashboard-export.csv"])
    return synthetic_ws


def test_vat_numbers_normalised_and_deterministic_hand_worked(vat_ws):
    ws = vat_ws
    vats = dict(ws.rows("SELECT pic, vat FROM organisation_vat"))
    assert vats == {333333333: "NL800000001B01", 777777777: "NL800000001B01", 444444444: "FR12345678901",
                    555555555: "FR12345678901"}
    key = lambda pic: ws.scalar("SELECT org_key FROM registry_identifier WHERE scheme = 'pic' AND value = ?", [str(pic)])  # noqa: E731
    # OLD FIRM has no ROR match of its own: it takes BIGCORP's ROR record through the shared VAT number
    assert key(777777777) == key(333333333) == "ror:0aaaaaa03"
    # no ROR record for either: one organisation under the lower PIC, participations summed: each has one in the
    # synthetic CORDIS download and one in the synthetic Dashboard export ((1 + 1) + (1 + 1))
    assert key(444444444) == key(555555555) == "pic:444444444"
    org = ws.dicts("SELECT participations, basis FROM registry_org WHERE org_key = 'pic:444444444'")[0]
    assert org == {"participations": 4, "basis": "pics with one VAT number"}
    assert ws.scalar("SELECT count(*) FROM registry_org WHERE org_key = 'pic:555555555'") == 0
    # the organisation carries the number once
    assert ws.rows("SELECT org_key FROM registry_identifier WHERE scheme = 'vat' AND value = 'FR12345678901'") == [("pic:444444444",)]
    m = ws.dicts("SELECT score, method, status, evidence FROM org_match WHERE right_scheme = 'vat' AND left_id = '555555555'")[0]
    assert (m["score"], m["method"], m["status"]) == (100.0, "deterministic: same VAT number", "matched")
    assert json.loads(m["evidence"])["pics"] == [444444444, 555555555]
    # every participation still counted once
    assert ws.scalar("SELECT sum(participations) FROM registry_org") == ws.scalar("SELECT count(*) FROM participation")


def test_real_dashboard_vat_numbers(tmp_path):
    """Every Horizon Dashboard row with a VAT number gives one (PIC, VAT) pair: counted over the raw file here."""
    from innovatlas.sources import cordis
    from innovatlas.store import Workspace

    import re

    pairs = set()
    for r in csv.DictReader(gzip.open(DASHBOARD, "rt", encoding="utf-8")):
        v = re.sub(r"[^A-Z0-9]", "", r["legal_entity_vat"].upper())
        if v and not re.match(r"[A-Z]{2}", v):  # no country prefix: the organisation's country (Greece: EL)
            v = {"GR": "EL"}.get(r["country_code"], r["country_code"]) + v
        if re.fullmatch(r"[A-Z]{2}[0-9][0-9A-Z]{1,13}", v) and not re.fullmatch(r"[A-Z]{2}0+", v):
            pairs.add((int(r["pic"]), v))
    raw = len(pairs)
    with Workspace(tmp_path / "d.duckdb") as ws:
        cordis.import_paths(ws, [DASHBOARD])
        assert set(ws.rows("SELECT pic, vat FROM organisation_vat")) == pairs and raw > 1000
        assert ws.scalar("SELECT count(*) FROM organisation_vat WHERE NOT regexp_full_match(vat, '[A-Z]{2}[0-9A-Z]+')") == 0
        # the export is a participation list too: one participation per row (the programmes layer, issue 19)
        with gzip.open(DASHBOARD, "rt", encoding="utf-8") as fh:
            rows = sum(1 for _ in csv.DictReader(fh))
        assert ws.scalar("SELECT count(*) FROM participation") == rows


def _openalex_nl():
    """Dutch institutions (id, ror, name, country, type) of the OpenAlex sample pages, parsed here."""
    seen = {}
    for f in sorted((SHARED / "openalex-works-api-samples").glob("openalexPro_json_chunk_*_results_page_1.json.gz")):
        for w in json.loads(gzip.open(f).read())["results"]:
            for a in w.get("authorships") or []:
                for i in a.get("institutions") or []:
                    if i.get("country_code") == "NL":
                        seen[i["id"]] = (i["id"], i.get("ror"), i["display_name"], i["country_code"], i.get("type"))
    return list(seen.values())


def test_openalex_institutions_attach_by_ror(real_workspace, tmp_path):
    import shutil

    from innovatlas.store import Workspace

    inst = _openalex_nl()
    assert len(inst) >= 3 and all(r[1] for r in inst)
    path = tmp_path / "copy.duckdb"
    shutil.copy(real_workspace, path)
    with Workspace(path) as ws:
        known = {r for (r,) in ws.rows("SELECT DISTINCT ror_id FROM ror_record")}
        ror_of = {r[0]: r[1].rsplit("/", 1)[-1] for r in inst}
        out = register_openalex_institutions(ws, inst + [("I999999999", None, "An institution without ROR id", "NL", "other")])
        # deterministic by ROR id: each institution whose ROR record the workspace holds is attached to it
        for oa, ror in ror_of.items():
            bare = oa.rsplit("/", 1)[-1]
            assert out["keys"][bare] == f"ror:{ror}"
            assert ws.scalar("SELECT org_key FROM registry_identifier WHERE scheme = 'openalex' AND value = ?", [bare]) == f"ror:{ror}"
        attached = sum(1 for r in ror_of.values() if r in known)
        assert out["attached"] == attached >= 3 and out["created"] == len(inst) + 1 - attached
        assert out["keys"]["I999999999"] == "openalex:I999999999"
        # the University of Groningen (OpenAlex I169381384) is the registered organisation with its CORDIS PICs
        rug = ws.dicts("SELECT participations, basis FROM registry_org WHERE org_key = 'ror:012p63287'")[0]
        assert rug["participations"] > 100 and rug["basis"].startswith("ror + pic")
        # a re-derivation of the registry keeps them
        from innovatlas.registry import build_registry

        with ws.transaction():
            build_registry(ws)
        assert ws.scalar("SELECT count(*) FROM registry_identifier WHERE scheme = 'openalex'") == len(inst) + 1
        with pytest.raises(InputError, match="not an OpenAlex institution id") as e:
            register_openalex_institutions(ws, [("W123", None, "a work", "NL", None)])
        assert (e.value.row, e.value.field) == (1, "openalex_id")
