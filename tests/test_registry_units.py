"""The unit every analysis counts (issue 14): PIC, registered organisation, parent roll-up.

Synthetic (tests/conftest.py ORGS, invented), worked out by hand: Dutch PICs 111111111 (TU Delft: projects
101, 103), 222222222 (ACME: 101, 102), 333333333 (BIGCORP: 102, 103). A synthetic ROR v2 file (invented)
holds TU Delft, Acme and Bigcorp Group, with Acme a child of Bigcorp Group. A review decision joins
BIGCORP's PIC to TU Delft's ROR record (so TU Delft is one organisation of two PICs).
Real data: TU Delft's PIC 999977366 and ROR 02e2c7k09 counted once, against an independent count over the
raw participation file.
"""

from __future__ import annotations

import gzip
import json

import duckdb
import pytest

from conftest import SHARED
from innovatlas.analysis import analyse, load_definitions, summary
from innovatlas.registry.review import decide
from innovatlas.registry.units import unit_of_pic

_LOC = lambda city, lat: [{"geonames_id": 1, "geonames_details": {"name": city, "country_code": "NL", "lat": lat, "lng": 4.0}}]  # noqa: E731
ROR_V2 = [  # invented records
    {"id": "https://ror.org/0aaaaaa01", "names": [{"value": "Delft University of Technology", "types": ["ror_display"]}],
     "types": ["education"], "locations": _LOC("Delft", 52.0)},
    {"id": "https://ror.org/0aaaaaa02", "names": [{"value": "Acme", "types": ["ror_display"]}],
     "types": ["company"], "locations": _LOC("Eindhoven", 51.4),
     "relationships": [{"type": "parent", "id": "https://ror.org/0aaaaaa03", "label": "Bigcorp Group"}]},
    {"id": "https://ror.org/0aaaaaa03", "names": [{"value": "Bigcorp Group", "types": ["ror_display"]}],
     "types": ["company"], "locations": _LOC("The Hague", 52.1),
     "relationships": [{"type": "child", "id": "https://ror.org/0aaaaaa02", "label": "Acme"}]},
]


@pytest.fixture
def unit_ws(synthetic_ws, tmp_path):
    from innovatlas.sources import ror

    path = tmp_path / "ror.json"
    path.write_text(json.dumps(ROR_V2), encoding="utf-8")
    ror.import_paths(synthetic_ws, [path])
    decide(synthetic_ws, "333333333", "0aaaaaa01", "accept", note="synthetic: one organisation with TU Delft")
    return synthetic_ws


def _nl(ws, unit):
    analyse(ws, load_definitions(), unit=unit, diagnose=False)
    return summary(ws, "nl")


def test_pic_organisation_parent_hand_worked(unit_ws):
    ws = unit_ws
    assert ws.scalar("SELECT org_key FROM registry_identifier WHERE scheme = 'pic' AND value = '222222222'") == "ror:0aaaaaa02"
    # per PIC: 3 organisations, 6 participations, pairs {111,222} {222,333} {111,333}
    s = _nl(ws, "pic")
    assert (s["organisations"], s["participations"], s["internal_organisation_pairs"]) == (3, 6, 3)
    assert s["unit"]["unit"] == "pic" and s["network"]["nodes"] == 3
    # per registered organisation: {111, 333} is TU Delft; 2 organisations, the same 6 participations, one pair
    # (TU Delft - ACME, in projects 101 and 102; project 103 holds TU Delft twice: no pair)
    s = _nl(ws, "organisation")
    assert (s["organisations"], s["participations"], s["projects"]) == (2, 6, 3)
    assert s["internal_organisation_pairs"] == 1 and (s["network"]["nodes"], s["network"]["edges"]) == (2, 1)
    assert s["unit"]["unit"] == "organisation" and "registered organisation" in s["unit"]["label_en"]
    u = unit_of_pic(ws, 333333333)
    # TU Delft stands for the unit: 2 participations each, the lower PIC wins the tie
    assert (u["unit"], u["unit_key"], u["unit_name"], u["pics"]) == (111111111, "ror:0aaaaaa01",
                                                                        "Delft University of Technology", [111111111, 333333333])
    assert ws.scalar("SELECT projects FROM network_edge WHERE ecosystem_id = 'nl'") == 2
    # the unit is in every indicator's method
    assert ws.scalar("SELECT count(*) FROM indicator_value WHERE ecosystem_id = 'nl' AND method NOT LIKE '%[organisation].'") == 0
    # the parent roll-up: Acme is a child of Bigcorp Group, which has no PIC; TU Delft has no parent
    s = _nl(ws, "parent")
    assert (s["organisations"], s["participations"]) == (2, 6)
    assert unit_of_pic(ws, 222222222)["unit_key"] == "ror:0aaaaaa03"
    assert unit_of_pic(ws, 222222222)["unit_name"] == "Bigcorp Group"
    # collaboration partners outside the ecosystem are counted in units too (#18 rest of the world unchanged here)
    eind = summary(ws, "eindhoven")
    assert eind["organisations"] == 1 and eind["unit"]["unit"] == "parent"


def test_unknown_unit_is_a_clear_error(synthetic_ws):
    from innovatlas.errors import WorkspaceError

    with pytest.raises(WorkspaceError, match="unknown unit 'firm'"):
        analyse(synthetic_ws, load_definitions(), unit="firm")


def test_real_tu_delft_is_one_unit_with_exact_participations(real_ws):
    """The demo workspace is analysed per registered organisation (the default). TU Delft (PIC 999977366, ROR
    02e2c7k09) is one unit whose participations in the national ecosystem equal a count over the raw file
    (cordis-h2020-participations-eunets/h2020.csv.gz) of the PICs the registry joins into it."""
    s = summary(real_ws, "nl")
    assert s["unit"]["unit"] == "organisation"
    u = unit_of_pic(real_ws, 999977366)
    assert u["unit_key"] == "ror:02e2c7k09" and 999977366 in u["pics"]
    raw = duckdb.connect()
    raw.execute(f"CREATE TABLE h AS SELECT * FROM read_csv_auto('{SHARED / 'cordis-h2020-participations-eunets' / 'h2020.csv.gz'}', all_varchar=true)")
    expected = raw.execute("SELECT count(*) FROM h WHERE list_contains(?, CAST(pic AS BIGINT))", [u["pics"]]).fetchone()[0]
    got = real_ws.scalar("SELECT count(*) FROM scope WHERE ecosystem_id = 'nl' AND pic = ?", [u["unit"]])
    assert got == expected == real_ws.scalar("SELECT participations FROM registry_org WHERE org_key = 'ror:02e2c7k09'")
    # organisations = the PICs of the raw Dutch rows, counted once per unit of the stored registry
    units = dict(real_ws.rows("SELECT pic, unit FROM analysis_unit"))
    pics = [int(p) for (p,) in raw.execute("SELECT DISTINCT pic FROM h WHERE country = 'NL'").fetchall()]
    assert s["organisations"] == len({units.get(p, p) for p in pics}) < len(pics)
