"""The matcher measured against gold standards (issue 14): ROR's own affiliation-matching test sets
(ror-community/ror-api, ../shared/data/ror-affiliation-testsets; the part whose gold ROR id is among the
workspace's ROR records) and the hand-checked sample of Dutch CORDIS organisations
(tests/fixtures/cordis_nl_ror_gold.csv, each row says how it was checked).

Goals: precision >= 0.97 and recall >= 0.90 on each set. One figure misses its goal today (listed
in ``SHORT`` with why, printed by bench/bench_matching.py and named in the closing note): for those
the test holds the figure measured today as a floor, so a regression fails, and says so in its id.
"""

from __future__ import annotations

import csv
import gzip
import json
import shutil
from pathlib import Path

import pytest

from conftest import SHARED
from innovatlas.registry.evaluate import evaluate_affiliations, evaluate_cordis
from innovatlas.store import Workspace

TESTSETS = SHARED / "ror-affiliation-testsets"
FIXTURE = Path(__file__).parent / "fixtures" / "cordis_nl_ror_gold.csv"
PRECISION_GOAL, RECALL_GOAL = 0.97, 0.90

pytestmark = pytest.mark.integration


@pytest.fixture(scope="module")
def gold_ws(real_workspace, tmp_path_factory):
    """The real demo workspace plus the ROR v2 sample records (20 Australian universities)."""
    from innovatlas.sources import ror

    path = tmp_path_factory.mktemp("gold") / "gold.duckdb"
    shutil.copy(real_workspace, path)
    with Workspace(path) as w:
        ror.import_paths(w, [TESTSETS / "ror_v2_records_sample_es_response.json"])
    w = Workspace(path, read_only=True)
    yield w
    w.close()


@pytest.fixture(scope="module")
def results(gold_ws):
    out = evaluate_affiliations(gold_ws, TESTSETS)
    out["cordis"] = evaluate_cordis(gold_ws, FIXTURE)
    return out


def _known_ids_from_raw() -> set[str]:
    with gzip.open(SHARED / "ror-nl-organisations-2022" / "uni_ror_NL.csv.gz", "rt", encoding="utf-8") as f:
        ids = {r["ror_id"] for r in csv.DictReader(f)}
    hits = json.loads((TESTSETS / "ror_v2_records_sample_es_response.json").read_text(encoding="utf-8"))["hits"]["hits"]
    return ids | {h["_source"]["id"].rsplit("/", 1)[-1] for h in hits}


def test_subsets_are_the_records_whose_gold_id_the_workspace_holds(results):
    """Subset sizes, counted here straight from the raw files (not through the workspace)."""
    known = _known_ids_from_raw()
    for name, file in (("crossref", "dataset_affiliations_crossref_2024_02_19.json"),
                       ("springer", "dataset_affiliations_springer_2023_10_31.json"), ("names", "dataset_names.json")):
        doc = json.loads((TESTSETS / file).read_text(encoding="utf-8"))
        n = sum(1 for r in doc if {i.rsplit("/", 1)[-1] for i in (r.get("ror_ids") or [r.get("ror-id") or ""])} & known)
        assert results[name]["records"] == n > 0, name
        assert results[name]["file_records"] == len(doc)


def test_hand_checked_sample_is_documented():
    rows = list(csv.DictReader(open(FIXTURE, encoding="utf-8")))
    assert len(rows) >= 200
    assert all(r["how_checked"] for r in rows)
    assert sum(1 for r in rows if r["expected_ror"]) >= 100      # organisations ROR knows
    assert sum(1 for r in rows if not r["expected_ror"]) >= 50   # and ones it does not: false positives count
    undecided = list(csv.DictReader(open(FIXTURE.with_name("cordis_nl_ror_gold_undecided.csv"), encoding="utf-8")))
    assert not {r["pic"] for r in undecided} & {r["pic"] for r in rows}, "undecided organisations are left out"


SHORT = {  # (set, measure) -> (floor measured today, why it misses the goal; see bench/bench_matching.py)
    ("crossref", "precision"): (0.965, "0.966 (2 of 59 wrong): 'VU University Medical Center' read as VU Amsterdam (the "
                                       "2022 ROR extract names VUmc only 'Amsterdam UMC Location VUmc'); 'Amsterdam UMC "
                                       "University of Amsterdam' without a comma names both, ROR's gold keeps one"),
}


def _case(name, measure, goal):
    floor, _why = SHORT.get((name, measure), (goal, ""))
    return pytest.param(name, measure, floor, id=f"{name}-{measure}" + ("-below-goal-floor" if floor < goal else ""))


@pytest.mark.parametrize("name, measure, floor", [
    _case(n, m, g) for n in ("crossref", "springer", "names", "cordis")
    for m, g in (("precision", PRECISION_GOAL), ("recall", RECALL_GOAL))])
def test_goal(results, name, measure, floor):
    r = results[name]
    assert r[measure] is not None and r[measure] >= floor, (
        f"{name}: {measure} {r[measure]:.3f} < {floor} (tp {r['tp']}, fp {r['fp']}, fn {r['fn']}); errors: {r['errors'][:10]}")
