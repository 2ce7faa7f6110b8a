"""Issue 5 on the real data: signals, diagnosis, regional context (RIS), StatLine layout."""

from __future__ import annotations

import duckdb
import pytest

from conftest import SHARED
from innovatlas.diagnose import CHALLENGES, findings_of
from innovatlas.diagnose.rules import judge_reference, judge_target, judge_threshold, judge_trend, trend_slope, verdict_of
from innovatlas.errors import InputError
from innovatlas.model.indicators import load_catalogue
from innovatlas.sources import statline
from innovatlas.sources.ris import PROVINCE_NUTS2, regional_context
from innovatlas.store import Workspace

RIS = SHARED / "eu-regional-innovation-scoreboard-2023" / "RIS_2023_NL.csv"


def test_judgement_rules_by_hand():
    assert judge_target(110, 100, 80, "higher", None)[0] == 1
    assert judge_target(90, 100, 80, "higher", 0.05)[0] == 0      # not there yet, moving towards it
    assert judge_target(90, 100, 80, "higher", -0.05)[0] == -1
    assert judge_target(4, 5, 8, "lower", None)[0] == 1
    # slope of 10, 12, 14 is 2 a year; relative to the mean 12: 1/6
    assert trend_slope([2019, 2020, 2021], [10, 12, 14]) == pytest.approx(2 / 12)
    assert trend_slope([2020, 2021], [1, 2]) is None
    assert judge_trend(0.05)[0] == 1 and judge_trend(-0.05)[0] == -1 and judge_trend(0.01)[0] == 0
    assert judge_trend(0.05, "lower")[0] == -1
    assert judge_reference(11, 10, "higher", "NL")[0] == 1 and judge_reference(9, 10, "higher", "NL")[0] == -1
    assert judge_reference(9.5, 10, "higher", "NL")[0] == 0 and judge_reference(0.2, 0.3, "lower", "NL")[0] == 1
    assert judge_threshold(0.4, "largest_component_share")[0] == -1
    assert judge_threshold(-0.01, "triple_helix_T")[0] == 1 and judge_threshold(0.01, "triple_helix_T")[0] == -1
    assert verdict_of([]) == ("unknown", None)
    assert verdict_of([1, -1, 0])[0] == "mixed" and verdict_of([1, 0, 0, 0])[0] == "mixed"
    assert verdict_of([1, 1, -1])[0] == "strength"  # mean exactly +1/3: the boundary counts
    assert verdict_of([-1, -1, 1])[0] == "white_spot"


def test_challenges_cover_the_catalogue_mapping():
    cat = load_catalogue()
    for spec in cat.values():
        for ch in spec.challenges:  # every indicator the catalogue ties to a challenge is used there (#18->9 too)
            assert spec.id in CHALLENGES[ch]["indicators"], (spec.id, ch)


def test_every_ecosystem_has_a_consistent_diagnosis(real_ws):
    for (eco,) in real_ws.rows("SELECT ecosystem_id FROM ecosystem"):
        rows = findings_of(real_ws, eco)
        assert len(rows) == 12  # ten challenges, two rationales
        for f in rows:
            if f["kind"] != "challenge":
                continue
            judged = [e["judgement"] for e in f["evidence"] if e["judgement"] is not None]
            assert (f["verdict"], f["score"]) == verdict_of(judged)
            assert f["explanation_en"] and f["explanation_nl"]
            for e in f["evidence"]:
                assert e["source"], e


def test_signals_on_real_network(real_ws):
    sig = {m: v for m, v in real_ws.rows("""SELECT measure, value FROM indicator_value WHERE ecosystem_id = 'nl'
                                      AND indicator = 'signal' AND year IS NULL""")}
    assert sig["largest_component_share"] == pytest.approx(
        real_ws.scalar("SELECT value FROM network_metric WHERE ecosystem_id = 'nl' AND metric = 'largest_component_share'"))
    assert sig["international_share_eu"] + sig["international_share_associated"] + sig["international_share_third"] \
        == pytest.approx(1 - real_ws.scalar("""SELECT sum(value) FILTER (WHERE breakdown IN ('internal', 'rest_nl')) / sum(value)
                                            FROM indicator_value WHERE ecosystem_id = 'nl' AND indicator = '18'
                                            AND year IS NULL AND breakdown <> ''
                                            AND NOT starts_with(breakdown, 'programme:')"""))  # the partner classes
    # the largest Dutch organisation's share of link ends, recomputed from the stored nodes
    top = real_ws.scalar("SELECT max(degree) / sum(degree) FROM network_node WHERE ecosystem_id = 'nl'")
    assert sig["dominance_links"] == pytest.approx(top)
    assert -1 < sig["triple_helix_T"] < 1 and 0 < sig["blau_actor_types"] < 1
    entrants = dict(real_ws.rows("""SELECT year, value FROM indicator_value WHERE ecosystem_id = 'nl' AND measure = 'entrants'"""))
    # every member enters exactly once
    assert sum(entrants.values()) == real_ws.scalar("""SELECT count(DISTINCT pic) FROM scope WHERE ecosystem_id = 'nl'
                                                 AND start_year IS NOT NULL""")


def test_ris_import_matches_raw_file(real_ws):
    raw = duckdb.connect().execute(f"SELECT count(*) FROM read_csv('{RIS}') WHERE \"Value\" IS NOT NULL").fetchone()[0]
    assert real_ws.scalar("SELECT count(*) FROM regional_statistic WHERE source = 'ris'") == raw
    ctx = regional_context(real_ws, "eindhoven")
    sii = [r for r in ctx if r["indicator"] == "0 Summary Innovation Index"]
    assert [r["region_code"] for r in sii] == ["NL41"] and sii[0]["value"] == pytest.approx(140.83)  # PROVENANCE.md
    assert sorted(PROVINCE_NUTS2.values()) == sorted({r["region_code"] for r in regional_context(real_ws, "nl")})


def test_statline_local_export(tmp_path, ws_synthetic=None):
    """A synthetic file in the StatLine TypedDataSet layout (values made up)."""
    p = tmp_path / "85039NED.csv"
    p.write_text("ID,RegioS,Perioden,Bedrijfsvestigingen_1,Banen_2\n0,GM0772,2021JJ00,1200,.\n1,GM0772,2022JJ00,1250,98000\n",
                 encoding="utf-8")
    w = Workspace(tmp_path / "s.duckdb")
    rep = statline.import_paths(w, [p])
    assert rep.loaded == {"cbs:statline:85039NED": 2}
    rows = w.rows("SELECT region_code, indicator, year, value FROM regional_statistic ORDER BY indicator, year")
    assert rows == [("GM0772", "85039NED:Banen_2", 2022, 98000.0), ("GM0772", "85039NED:Bedrijfsvestigingen_1", 2021, 1200.0),
                    ("GM0772", "85039NED:Bedrijfsvestigingen_1", 2022, 1250.0)]
    bad = tmp_path / "85039NED_bad.csv"
    bad.write_text("RegioS,Perioden,Banen_2\nGM0772,2021,5\n", encoding="utf-8")
    before = w.snapshot()
    with pytest.raises(InputError, match="not a StatLine period") as info:
        statline.import_paths(w, [bad], table="85039NED")
    assert info.value.row == 1 and info.value.field == "Perioden" and w.snapshot() == before
    w.close()
