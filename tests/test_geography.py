"""Placing Dutch organisations: CBS classification, ROR places, the placement rule, by hand."""

from __future__ import annotations

import io

import pytest

from innovatlas.errors import InputError
from innovatlas.sources import cordis, geo, ror
from innovatlas.sources.geo import parse_regions
from innovatlas.sources.ror import parse_places


def test_parse_regions_topojson_and_geojson():
    topo = {"type": "Topology", "objects": {"labels": {"geometries": [
        {"properties": {"statcode": "GM0503", "statnaam": "Delft", "corop_gebied": "CR26", "provincie": "PV28"}},
        {"properties": {"statcode": "CR26", "statnaam": "Delft en Westland", "provincie": "PV28"}},
        {"properties": {"statcode": "PV28", "statnaam": "Zuid-Holland"}}]}}}
    assert parse_regions(topo, "x.json", 2015) == [
        ("municipality", "GM0503", "Delft", "CR26", "PV28", 2015),
        ("corop", "CR26", "Delft en Westland", None, "PV28", 2015),
        ("province", "PV28", "Zuid-Holland", None, "PV28", 2015)]
    gj = {"type": "FeatureCollection", "features": [{"properties": {"statcode": "GM0363", "statnaam": "Amsterdam",
                                                                   "jrstatcode": "2023GM0363"}}]}
    assert parse_regions(gj, "g.geojson") == [("municipality", "GM0363", "Amsterdam", None, None, 2023)]
    with pytest.raises(InputError, match="row 1, field 'statcode'"):
        parse_regions({"type": "FeatureCollection", "features": [{"properties": {"name": "x"}}]}, "bad.geojson")


def test_parse_ror_places():
    text = (',name,types,country,aliases,addresses,email_address,ror_id\n'
            '0,RIVM,[],{},[],"[{\'city\': \'Bilthoven\', \'geonames_city\': {\'city\': \'Bilthoven\', '
            '\'geonames_admin2\': {\'name\': \'Gemeente De Bilt\'}, \'nuts_level3\': {\'name\': \'Utrecht\', \'code\': \'NL310\'}}}]",,x\n')
    assert parse_places(io.StringIO(text), "ror.csv") == [("Bilthoven", "De Bilt", "NL310", "Utrecht")]
    with pytest.raises(InputError, match="row 1, field 'addresses'"):
        parse_places(io.StringIO(",name,addresses\n0,A,[{broken\n"), "ror.csv")


def test_placement_rules(ws, tmp_path, synthetic_geo):
    """One organisation per rule, cities as CORDIS writes them."""
    rows = [  # pic, city, postcode
        (1, "DELFT", "2628 CN"),                # municipality name
        (2, "Den Haag", "2595 AA"),             # alias -> 's-Gravenhage
        (3, "EINDHOVEN NB", "5612 AZ"),         # province tag stripped
        (4, "Maartensdijk", "3738 AA"),         # ROR place -> De Bilt... not in the synthetic CBS list: unplaced
        (5, "NOWHERE", "2628 XX"),              # unknown city, PC4 2628 -> Delft (org 1)
        (6, "UTRECHT CENTRUM", ""),             # first word
        (7, "", ""),                            # nothing to go on
        (8, "Bilthoven", ""),                   # our village list -> De Bilt (not in the synthetic list): unplaced
    ]
    lines = ["rcn,role,pic,type,contribution,country,start_date,end_date"]
    lines += [f"1,participant,{pic},PRC,1,NL,2016-01-01,2017-01-01" for pic, _c, _p in rows]
    (tmp_path / "h2020.csv").write_text("\n".join(lines) + "\n")
    org = ["orgId,name,activityType,city,country,postCode"] + [f'{pic},ORG {pic},PRC,"{c}",NL,"{p}"' for pic, c, p in rows]
    (tmp_path / "orgs.csv").write_text("\n".join(org) + "\n")
    ror_text = (',name,types,country,aliases,addresses,email_address,ror_id\n'
                '0,X,[],{},[],"[{\'city\': \'Maartensdijk\', \'geonames_city\': {\'geonames_admin2\': {\'name\': \'Gemeente Utrecht\'}}}]",,x\n')
    (tmp_path / "ror.csv").write_text(ror_text)
    geo.import_paths(ws, [synthetic_geo])
    ror.import_paths(ws, [tmp_path / "ror.csv"])
    cordis.import_paths(ws, [tmp_path / "h2020.csv", tmp_path / "orgs.csv"])
    got = {r[0]: r[1:] for r in ws.rows("SELECT pic, municipality, corop_code, province_code, knowledge_city, method FROM org_location")}
    assert got[1] == ("Delft", "CR26", "PV28", "Delft", "municipality name")
    assert got[2] == ("'s-Gravenhage", "CR28", "PV28", "Den Haag", "municipality name")
    assert got[3][0] == "Eindhoven" and got[3][3] == "Eindhoven"
    assert got[4][0] == "Utrecht" and got[4][4] == "place name (ROR/GeoNames)"
    assert got[5][0] == "Delft" and got[5][4] == "postcode area (PC4 majority)"
    assert got[6][0] == "Utrecht" and got[6][4] == "first word of city"
    assert got[7] == (None, None, None, None, "unplaced: no city or postcode in any source")
    assert got[8][0] is None and got[8][4] == "unplaced: city not recognised: Bilthoven"


def test_fetch_refuses_unknown_framework(tmp_path):
    with pytest.raises(InputError, match="no download known"):
        cordis.fetch(tmp_path, frameworks=["FP6"])
    assert cordis.FETCH_URLS["H2020"].endswith("cordis-h2020projects-csv.zip")


def test_nuts3_code_places_in_corop_only(ws, tmp_path, synthetic_geo):
    """Current CORDIS layout: an unknown city but NUTS-3 code NL333; ROR names NL333 'Delft en Westland',
    the COROP region CR26 of the synthetic CBS classification -> COROP and province, no municipality."""
    from conftest import ORG_HEADER, PROJECT_HEADER, PROJECT_ROWS

    d = tmp_path / "nuts"
    d.mkdir()
    (d / "project.csv").write_text("\n".join([PROJECT_HEADER, PROJECT_ROWS[0]]) + "\n", encoding="utf-8")
    fields = ["101", "X", "123456789", "", "HIDDEN LAB BV", "", "true", "PRC", "S 1", "", "NOWHERE", "NL", "NL333",
              "", "", "", "2020-01-01", "1", "1", "coordinator", "10", "10", "10", "false", "true"]
    (d / "organization.csv").write_text(ORG_HEADER + "\n" + ";".join(fields) + "\n", encoding="utf-8")
    ror_text = (',name,types,country,aliases,addresses,email_address,ror_id\n'
                '0,X,[],{},[],"[{\'city\': \'Naaldwijk\', \'geonames_city\': {\'geonames_admin2\': {\'name\': \'Gemeente Westland\'}, '
                '\'nuts_level3\': {\'name\': \'Delft en Westland\', \'code\': \'NL333\'}}}]",,x\n')
    (tmp_path / "ror.csv").write_text(ror_text)
    geo.import_paths(ws, [synthetic_geo])
    ror.import_paths(ws, [tmp_path / "ror.csv"])
    cordis.import_paths(ws, [d])
    row = ws.rows("SELECT municipality, corop_code, province_code, method FROM org_location WHERE pic = 123456789")[0]
    assert row == (None, "CR26", "PV28", "NUTS-3 code (COROP and province only)")


@pytest.mark.integration
def test_every_place_alias_names_a_cbs_municipality(ws):
    """The village list must point at municipalities that exist in the CBS classification we ship against."""
    from conftest import SHARED
    from innovatlas.organisations import PLACE_ALIASES, norm_place_sql

    geo.import_paths(ws, [SHARED / "nl-boundaries-cbs"])
    known = {r[0] for r in ws.rows(f"SELECT DISTINCT {norm_place_sql('name')} FROM geo_region WHERE level = 'municipality'")}
    missing = sorted({target for target in PLACE_ALIASES.values() if target not in known})
    assert missing == []
