"""The framework vocabulary: actor types, catalogue, ecosystem definitions."""

from __future__ import annotations

import pytest

import innovatlas
from innovatlas.errors import DefinitionError
from innovatlas.model import ActorType, actor_type_for_cordis, load_catalogue
from innovatlas.model.actors import refine_actor_type
from innovatlas.model.ecosystem import KNOWLEDGE_CITIES, parse_definitions, read_definitions
from innovatlas.analysis import demo_definitions


def test_catalogue_has_fifty_indicators_matching_the_shared_file():
    import csv
    from conftest import SHARED

    cat = load_catalogue()
    assert sorted(cat) == list(range(1, 51))
    with open(SHARED.parent / "framework" / "indicators.csv", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            spec = cat[int(row["id"])]
            assert (spec.name_en, spec.name_nl, spec.category) == (row["indicator_en"], row["indicator_nl"], row["category"])
    assert cat[18].challenges == (8, 9) and cat[29].availability == "open_data"


def test_actor_types_have_both_labels():
    for t in ActorType:
        assert t.label("en") and t.label("nl") and t.helix in {"university", "industry", "government", "civil"}


@pytest.mark.parametrize("act,sme,expected", [
    ("PRC", True, "sme"), ("PRC", False, "large_firm"), ("PRC", None, "firm"), ("HES", None, "higher_education"),
    ("REC", None, "research_organisation"), ("PUB", None, "public_body"), ("OTH", None, "other"), (None, None, "other")])
def test_cordis_mapping(act, sme, expected):
    assert actor_type_for_cordis(act, sme).value == expected


@pytest.mark.parametrize("act,name,expected", [
    ("HES", "UNIVERSITEIT UTRECHT", "university"), ("HES", "HOGESCHOOL VAN AMSTERDAM", "uas"),
    ("HES", "ACADEMISCH ZIEKENHUIS LEIDEN", "umc"), ("REC", "NEDERLANDSE ORGANISATIE VOOR TOEGEPAST NATUURWETENSCHAPPELIJK ONDERZOEK TNO", "to2"),
    ("PUB", "GEMEENTE EINDHOVEN", "government_municipal"), ("PUB", "PROVINCIE GELDERLAND", "government_provincial"),
    ("PRC", "UNIVERSITY SPIN-OFF BV", "firm")])  # a firm's name never makes it a university
def test_name_rules(act, name, expected):
    assert refine_actor_type(actor_type_for_cordis(act), act, name).value == expected


def test_demo_definitions():
    defs = demo_definitions()
    ids = [e.id for e in defs]
    assert ids[0] == "nl" and len(ids) == len(set(ids))
    cities = [e for e in defs if e.select.knowledge_city and e.select.knowledge_city_scope == "municipality"]
    assert sorted(c.select.knowledge_city[0] for c in cities) == sorted(KNOWLEDGE_CITIES)
    regions = [e for e in defs if e.select.knowledge_city_scope == "adjacent"]  # the same cities as city regions
    assert sorted(c.select.knowledge_city[0] for c in regions) == sorted(KNOWLEDGE_CITIES)
    assert all(c.parent == "nl" for c in cities)
    assert {e.id for e in defs if e.kind.value == "thematic"} >= {"health", "energy", "food-bio"}


def test_definitions_from_toml_and_yaml(tmp_path):
    (tmp_path / "e.toml").write_text('[[ecosystem]]\nid = "x"\nname_en = "X"\nselect.country = ["nl"]\n')
    (tmp_path / "e.yaml").write_text('ecosystem:\n  - id: y\n    name_en: Y\n    select: {programme_part: [sc1]}\n')
    assert read_definitions(tmp_path / "e.toml").ecosystems[0].select.country == ["NL"]
    assert read_definitions(tmp_path / "e.yaml").ecosystems[0].select.programme_part == ["SC1"]


@pytest.mark.parametrize("doc,message", [
    ({"ecosystem": [{"id": "a", "name_en": "A"}, {"id": "a", "name_en": "B"}]}, "defined twice"),
    ({"ecosystem": [{"id": "a", "name_en": "A", "parent": "zz"}]}, "parent 'zz'"),
    ({"ecosystem": [{"id": "a", "name_en": "A", "select": {"knowledge_city": ["Parijs"]}}]}, "ecosystem #1 \\('a'\\), field 'select.knowledge_city'"),
    ({"ecosystem": [{"id": "Bad Id", "name_en": "A"}]}, "field 'id'"),
    ({"ecosystem": [{"id": "a", "name_en": "A", "select": {"colour": ["red"]}}]}, "select.colour"),
    ({}, "expected a list of ecosystems"),
])
def test_bad_definitions(doc, message):
    with pytest.raises(DefinitionError, match=message):
        parse_definitions(doc)


def test_public_api_is_exported():
    for name in innovatlas.__all__:
        assert getattr(innovatlas, name) is not None


def test_example_definitions_extend_the_built_in_ones():
    from pathlib import Path

    from innovatlas.analysis import load_definitions

    defs = load_definitions(Path(__file__).parents[1] / "examples" / "ecosystems.toml")
    ids = [e.id for e in defs]
    assert "nl" in ids and "brainport-ict" in ids
    assert defs.get("brainport-ict").parent == "eindhoven"
    assert defs.get("tu-delft-partners").select.neighbourhood.seeds == [999977366]
