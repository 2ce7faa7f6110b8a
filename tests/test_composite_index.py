"""Composite indices defined as data (issue 17): COINr's ASEM example reproduced to the published
two decimals, definitions in CSV/Excel/TOML with clear errors, the steps on synthetic cases worked
out by hand, the Monte Carlo rank intervals and the ``innovatlas index`` command.

Published values (nobody here wrote them), all from the COINr repository ``bluefoxr/COINr``:

* ``docs/articles/results.html`` at commit 27360eaf1517c6e0576b12c0f928092c10d242e3
  ("Presenting Results"): ``get_results(coin, dset = "Aggregated", tab_type = "Aggs")`` (first six
  rows: rank, index, both sub-indices, the eight pillars); ranks within ``GDPpc_group`` groups XL and L
  (the row names there are the overall ranks); ``get_unit_summary(coin, usel = "IND", Levels = c(4,3,2))``.
* ``docs/articles/aggregate.html`` at commit 25432eacc1d9e8fa0c29a83713832749e045f0bc: the first five
  units of the aggregated data set (``signif(3)``; the coin orders units by code: AUS, AUT, BEL, BGD, BGR).
* ``docs/articles/treat.html`` at commit 36f2e9024d719e659e4a1ed422a48bdc7178da7b: ``Treat()`` of the raw
  Flights, Goods and Services columns (skew, kurtosis before and after, ``nwin``, treated rows).
* The build itself: ``R/examples.R`` ``build_example_coin()`` at commit 0889f05c140dbad03afb2aea5aa8ef5489fa35db.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from typer.testing import CliRunner

from innovatlas.cli import app
from innovatlas.errors import InputError
from innovatlas.indicators.composite import rank
from innovatlas.indicators.index import (IndexMethod, build_index, index_uncertainty, read_definition,
                                         read_index_data)

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "data"
ASEM = SHARED / "coinr-asem-example"
COLS = ["Index", "Conn", "Sust", "Physical", "ConEcFin", "Political", "Instit", "P2P", "Environ", "Social", "SusEcFin"]

# results.html: head(get_results(...)): uCode, Rank, then COLS
PUBLISHED_TOP6 = """
CHE 1 68.38 62.79 73.98 63.41 32.87 74.78 85.94 56.93 77.21 87.85 56.88
NLD 2 64.82 61.94 67.70 64.87 46.62 84.55 71.74 41.92 58.73 86.58 57.78
DNK 3 64.80 57.10 72.51 50.52 30.43 78.13 75.35 51.04 69.83 86.40 61.29
NOR 4 64.47 57.44 71.50 58.18 25.70 80.03 89.46 33.80 70.90 87.00 56.59
BEL 5 63.54 63.99 63.09 71.97 48.22 80.84 75.60 43.32 53.01 86.17 50.09
SWE 6 63.00 53.87 72.12 51.51 23.87 80.98 74.51 38.50 66.37 87.74 62.27
"""
# results.html: get_unit_summary(coin, usel = "IND", Levels = c(4, 3, 2)): score and rank per COLS
PUBLISHED_IND = {"Index": (39.79, 45), "Conn": (28.60, 44), "Sust": (50.99, 43), "Physical": (18.78, 48),
                 "ConEcFin": (6.38, 49), "Political": (51.90, 33), "Instit": (59.84, 37), "P2P": (6.07, 47),
                 "Environ": (75.34, 6), "Social": (22.74, 51), "SusEcFin": (54.88, 36)}
# results.html: ranks within GDPpc_group (use = "groupranks"); the first column is the overall rank (row name)
PUBLISHED_GROUP_RANKS = """
XL CHE 1  1 2 1 3 5 8 2 2 1 1 8
XL NLD 2  2 3 6 2 4 2 10 6 8 4 7
XL DNK 3  3 6 2 8 6 6 6 5 3 5 5
XL NOR 4  4 5 4 4 8 4 1 11 2 3 10
XL SWE 6  5 10 3 7 10 3 8 10 5 2 3
XL AUT 7  6 7 5 11 7 5 4 4 4 9 2
L BEL 5   1 1 2 1 2 4 7 3 10 1 9
L MLT 10  2 2 5 3 1 12 4 1 2 10 3
L SVN 11  3 4 1 2 6 9 6 5 5 3 2
L GBR 15  4 3 3 4 8 5 5 7 3 2 8
L CZE 17  5 5 4 9 5 8 10 6 12 9 1
L ESP 19  6 7 7 7 10 2 3 9 6 6 10
"""
# aggregate.html: dset_aggregated[(nc - 10):nc] |> head(5) |> signif(3), columns in that order
AGG_COLS = ["ConEcFin", "Environ", "Instit", "P2P", "Physical", "Political", "Social", "SusEcFin", "Conn", "Sust", "Index"]
PUBLISHED_AGG_HEAD = """
AUS 12.6 31.9 52.4 39.50 34.8 52.5 71.9 55.7 38.4 53.2 45.8
AUT 26.2 69.5 77.5 54.10 41.1 78.2 72.8 62.9 55.4 68.4 61.9
BEL 48.2 53.0 75.6 43.30 72.0 80.8 86.2 50.1 64.0 63.1 63.5
BGD 13.3 81.7 26.5 5.85 22.9 32.4 27.5 64.6 20.2 57.9 39.0
BGR 24.6 55.7 75.9 27.10 28.4 67.5 53.3 61.7 44.7 56.9 50.8
"""


def coinr_asem_method() -> IndexMethod:
    """build_example_coin(): Denominate; Impute(i_mean_grp, EurAsia_group); Screen(Imputed, 0.9, byNA);
    Treat(winmax = 5; log_CT fallback); Normalise(n_minmax, c(0, 100)); Aggregate(a_amean); ranks ties min."""
    return IndexMethod.coinr(impute_group="EurAsia_group", screen_threshold=0.9, screen_on="imputed", winmax=5)


@pytest.fixture(scope="module")
def asem():
    d = read_definition(ASEM / "ASEM_iMeta.csv")
    x = read_index_data(ASEM / "ASEM_iData.csv", d)
    return d, x, build_index(d, x, coinr_asem_method())


def _at(result, unit):
    return result.units.index(unit)


def test_asem_structure_read_from_imeta(asem):
    d, x, r = asem
    assert len(d.indicators) == 49 and d.top == "Index" and d.levels == [1, 2, 3, 4]
    assert [n.code for n in d.at_level(3)] == ["Conn", "Sust"] and len(d.at_level(2)) == 8
    assert d.groups == ["GDP_group", "GDPpc_group", "Pop_group", "EurAsia_group"]
    assert d.denominators == ["Area", "Energy", "GDP", "Population"]
    assert len(x.units) == 51 and x.values.shape == (51, 49)
    # every unit kept (all have >= 90% of their indicators after imputation), nothing left missing
    assert r.dropped == [] and len(r.units) == 51
    assert all(np.isfinite(r.scores[c]).all() for c in COLS)
    assert r.denominated["Flights"] == "Population" and r.denominated["Goods"] == "GDP" and len(r.denominated) == 17


def test_asem_reproduces_published_results_table(asem):
    _, _, r = asem
    for line in PUBLISHED_TOP6.strip().splitlines():
        unit, rk, *vals = line.split()
        i = _at(r, unit)
        assert r.ranks["Index"][i] == int(rk), unit
        for c, v in zip(COLS, vals):
            assert round(float(r.scores[c][i]), 2) == float(v), (unit, c)
    assert [row["unit"] for row in r.table()[:6]] == ["CHE", "NLD", "DNK", "NOR", "BEL", "SWE"]


def test_asem_reproduces_published_unit_summary_of_india(asem):
    _, _, r = asem
    i = _at(r, "IND")
    for c, (score, rk) in PUBLISHED_IND.items():
        assert round(float(r.scores[c][i]), 2) == score, c
        assert r.ranks[c][i] == rk, c


def test_asem_reproduces_published_group_ranks_and_overall_ranks(asem):
    d, x, r = asem
    group = x.groups["GDPpc_group"]
    for line in PUBLISHED_GROUP_RANKS.strip().splitlines():
        g, unit, overall, *ranks = line.split()
        i = _at(r, unit)
        assert r.ranks["Index"][i] == int(overall), unit
        members = np.flatnonzero(group == g)
        for c, want in zip(COLS, ranks):
            within = rank(r.scores[c][members], "min", descending=True)
            assert within[list(members).index(i)] == int(want), (unit, c)


def test_asem_reproduces_published_aggregated_head(asem):
    _, _, r = asem
    for line in PUBLISHED_AGG_HEAD.strip().splitlines():
        unit, *vals = line.split()
        i = _at(r, unit)
        for c, v in zip(AGG_COLS, vals):
            assert float(f"{r.scores[c][i]:.3g}") == float(v), (unit, c)


def test_asem_treatment_matches_coinr_on_raw_columns():
    # treat.html: Treat(ASEM_iData[c("Flights", "Goods", "Services")]) with defaults
    from innovatlas.indicators.composite import kurt, skew, winsorise

    raw = pd.read_csv(ASEM / "ASEM_iData.csv")
    published = {"Flights": (2.103287, 4.508879, 1, 1.900658, 3.3360647, [30]),
                 "Goods": (2.649973, 8.266610, 2, 1.140608, 0.1572047, [11, 35])}
    for col, (s0, k0, nwin, s1, k1, rows) in published.items():
        x = raw[col].to_numpy(float)
        assert skew(x) == pytest.approx(s0, abs=1e-6) and kurt(x) == pytest.approx(k0, abs=1e-6)
        w, n = winsorise(x)
        assert n == nwin and skew(w) == pytest.approx(s1, abs=1e-6) and kurt(w) == pytest.approx(k1, abs=1e-6)
        assert (np.flatnonzero(w != x) + 1).tolist() == rows  # "winhi" rows of Treated_Points
    x = raw["Services"].to_numpy(float)
    assert skew(x) == pytest.approx(1.701085, abs=1e-6) and kurt(x) == pytest.approx(2.375656, abs=1e-6)


def test_asem_services_needs_four_points(asem):
    # issue 17: the old counter (1 + 2 + ... >= winmax) stopped Services after three points and log-transformed it
    _, _, r = asem
    assert r.treatment["Services"] == "winsorised 4 point(s)"
    assert not any(h.startswith("log") for h in r.treatment.values())


# --------------------------------------------------------------------------- synthetic, worked by hand

SYN_CSV = """Level,iCode,iName,Direction,Weight,Unit,Target,Denominator,Parent,Type
1,a,A per head,1,1,count,,Pop,P1,Indicator
1,b,B,1,3,score,,,P1,Indicator
1,c,C,-1,1,score,,,P2,Indicator
2,P1,Pillar one,1,1,,,,Top,Aggregate
2,P2,Pillar two,1,1,,,,Top,Aggregate
3,Top,The index,1,1,,,,,Aggregate
,grp,Group,,,,,,,Group
,Pop,Population,,,,,,,Denominator
"""
# a/Pop = 1, 2, 3, (missing); b = 0, 10, 20, 10; c = 5, 5, 15, 10 (lower is better); group of u4 = y
SYN_DATA = """uCode,uName,grp,Pop,a,b,c
u1,One,x,10,10,0,5
u2,Two,x,5,10,10,5
u3,Three,x,2,6,20,15
u4,Four,y,4,,10,10
"""


@pytest.fixture()
def syn(tmp_path):
    (tmp_path / "def.csv").write_text(SYN_CSV)
    (tmp_path / "data.csv").write_text(SYN_DATA)
    d = read_definition(tmp_path / "def.csv")
    return d, read_index_data(tmp_path / "data.csv", d), tmp_path


def test_synthetic_index_by_hand(syn):
    d, x, _ = syn
    r = build_index(d, x, IndexMethod(imputation="none", treat=False))
    # a/Pop = 1, 2, 3, nan -> minmax 0, 50, 100, nan; b -> 0, 50, 100, 50; c reversed -> 100, 100, 0, 50
    assert r.scores["a"][:3] == pytest.approx([0, 50, 100]) and np.isnan(r.scores["a"][3])
    # P1 = (1 a + 3 b) / 4; u4 has no a: its weight is re-normalised over b alone -> 50
    assert r.scores["P1"] == pytest.approx([0, 50, 100, 50])
    assert r.scores["P2"] == pytest.approx([100, 100, 0, 50])
    assert r.scores["Top"] == pytest.approx([50, 75, 50, 50])
    assert r.ranks["Top"].tolist() == [3, 1, 3, 3]       # three tied at places 2-4: averaged to 3 (default)
    r_min = build_index(d, x, IndexMethod(imputation="none", treat=False, ties="min"))
    assert r_min.ranks["Top"].tolist() == [2, 1, 2, 2]                   # COINr: ties get the minimum
    # geometric needs positive values: on [1, 100], P2 for u1 = 100, Top(u3) = sqrt(P1 * P2) = sqrt(100 * 1) = 10
    g = build_index(d, x, IndexMethod(imputation="none", treat=False, aggregation="geometric", minmax_range=(1, 100)))
    assert g.scores["Top"][2] == pytest.approx(10.0)
    # harmonic at the top only: u3 = 2 / (1/100 + 1/1)
    h = build_index(d, x, IndexMethod(imputation="none", treat=False, aggregation=["arithmetic", "harmonic"],
                                      minmax_range=(1, 100)))
    assert h.scores["Top"][2] == pytest.approx(2 / (1 / 100 + 1))
    with pytest.raises(InputError, match="positive"):
        build_index(d, x, IndexMethod(imputation="none", treat=False, aggregation="geometric"))


def test_synthetic_group_imputation_and_screening(syn):
    d, x, _ = syn
    # u4's a is missing; its group y has no other a: it stays missing (never invented)
    r = build_index(d, x, IndexMethod(impute_group="grp", treat=False))
    assert np.isnan(r.scores["a"][3]) and "a" not in r.imputed
    # over all units the mean of a/Pop = (1 + 2 + 3) / 3 = 2 -> minmax 50
    r = build_index(d, x, IndexMethod(imputation="mean", treat=False))
    assert r.imputed == {"a": 1} and r.scores["a"][3] == pytest.approx(50)
    # screening: u4 has 2 of 3 indicators (67%). On the raw set a 0.7 threshold drops it, with the reason
    r = build_index(d, x, IndexMethod(imputation="mean", screen_threshold=0.7, screen_on="raw", treat=False))
    assert r.units == ["u1", "u2", "u3"]
    assert r.dropped[0]["unit"] == "u4" and r.dropped[0]["availability"] == pytest.approx(2 / 3)
    assert "67% of its 3 indicators present on the raw set, less than the 70% required" in r.dropped[0]["reason"]
    # on the imputed set the gap is filled first, so u4 stays
    r = build_index(d, x, IndexMethod(imputation="mean", screen_threshold=0.7, screen_on="imputed", treat=False))
    assert r.units == ["u1", "u2", "u3", "u4"] and r.dropped == []


def test_toml_and_excel_definitions_give_the_same_index(syn):
    d, x, tmp = syn
    base = build_index(d, x, IndexMethod(imputation="none", treat=False))
    (tmp / "def.toml").write_text("""
[method]
imputation = "none"
treat = false

[[indicator]]
code = "a"
name = "A per head"
weight = 1
denominator = "Pop"
parent = "P1"
level = 1

[[indicator]]
code = "b"
weight = 3
parent = "P1"
level = 1

[[indicator]]
code = "c"
direction = -1
parent = "P2"
level = 1

[[aggregate]]
code = "P1"
level = 2
parent = "Top"

[[aggregate]]
code = "P2"
level = 2
parent = "Top"

[[aggregate]]
code = "Top"
level = 3

[[group]]
code = "grp"

[[denominator]]
code = "Pop"
""")
    t = read_definition(tmp / "def.toml")
    assert t.method.imputation == "none" and t.method.treat is False
    r = build_index(t, read_index_data(tmp / "data.csv", t))  # the [method] table is used
    assert r.scores["Top"] == pytest.approx(base.scores["Top"])
    pd.read_csv(tmp / "def.csv").to_excel(tmp / "def.xlsx", index=False)
    e = read_definition(tmp / "def.xlsx")
    assert build_index(e, x, IndexMethod(imputation="none", treat=False)).scores["Top"] == pytest.approx(base.scores["Top"])


def test_bad_definition_reports_every_problem_with_row_and_field(tmp_path):
    bad = SYN_CSV.replace("1,b,B,1,3,", "1,b,B,1,three,").replace("1,c,C,-1,", "1,c,C,2,").replace(",,P2,Indicator", ",,P9,Indicator")
    f = tmp_path / "bad.csv"
    f.write_text(bad)
    with pytest.raises(InputError) as err:
        read_definition(f)
    e = err.value
    where = [(p.row, p.field) for p in e.errors]
    assert (3, "Weight") in where and (4, "Direction") in where  # the header is row 1: b is row 3, c row 4
    text = str(e)
    assert "bad.csv" in text and "weight 'three' of 'b' is not a number" in text
    assert "direction 2 of 'c' is neither 1 nor -1" in text and "What to do" in text
    # the unknown parent is found too once the row is otherwise valid
    f.write_text(SYN_CSV.replace(",,P2,Indicator", ",,P9,Indicator"))
    with pytest.raises(InputError) as err:
        read_definition(f)
    assert err.value.row == 4 and err.value.field == "Parent" and "'P9'" in err.value.problem
    f.write_text("Code2,Weight\nx,1\n")
    with pytest.raises(InputError, match="no iCode column"):
        read_definition(f)


def test_bad_data_names_row_and_field(syn):
    d, _, tmp = syn
    (tmp / "bad.csv").write_text(SYN_DATA.replace("u3,Three,x,2,6,20,15", "u3,Three,x,2,six,20,15").replace(",c\n", ",cc\n"))
    with pytest.raises(InputError) as err:
        read_index_data(tmp / "bad.csv", d)
    probs = {(p.row, p.field): p.problem for p in err.value.errors}
    assert probs[(4, "a")] == "'six' is not a number"          # u3 is the 4th row as a spreadsheet shows it
    assert "no column in the data" in probs[(1, "c")]
    (tmp / "nocode.csv").write_text("unit,a\nx,1\n")
    with pytest.raises(InputError, match="uCode"):
        read_index_data(tmp / "nocode.csv", d)


# --------------------------------------------------------------------------- uncertainty


def test_uncertainty_degenerate_draws_equal_the_nominal_build(asem):
    d, x, r = asem
    m = coinr_asem_method()
    u = index_uncertainty(d, x, m, runs=20, weight_noise=0.0, winmax_choices=(5,), treat_off=False,
                          aggregations=("arithmetic",))
    assert (u["ranks"] == r.ranks["Index"][None]).all()  # [1, 100] rescaling does not change arithmetic ranks
    g = index_uncertainty(d, x, m, runs=5, weight_noise=0.0, winmax_choices=(5,), treat_off=False,
                          aggregations=("geometric",))
    nominal_g = build_index(d, x, IndexMethod.coinr(impute_group="EurAsia_group", screen_threshold=0.9,
                                                    aggregation="geometric", minmax_range=(1, 100)))
    assert (g["ranks"] == nominal_g.ranks["Index"][None]).all()


def test_uncertainty_rank_intervals_on_asem(asem):
    d, x, _ = asem
    u = index_uncertainty(d, x, coinr_asem_method(), runs=400, seed=7)
    assert u["ranks"].shape == (400, 51)
    assert (u["p05"] <= u["median_rank"]).all() and (u["median_rank"] <= u["p95"]).all()
    assert u["ranks"].min() == 1 and u["ranks"].max() == 51
    che = u["units"].index("CHE")
    # CHE leads every pillar-weighted arithmetic variant and most others: its interval starts at 1
    assert u["p05"][che] == 1 and u["nominal_rank"][che] == 1
    # the draws really vary: some unit's interval is wider than one rank
    assert (u["p95"] - u["p05"]).max() > 1


# --------------------------------------------------------------------------- CLI


def test_cli_index_prints_the_asem_table_and_json():
    runner = CliRunner()
    args = ["index", "--definition", str(ASEM / "ASEM_iMeta.csv"), "--data", str(ASEM / "ASEM_iData.csv"),
            "--impute-group", "EurAsia_group", "--screen", "0.9", "--variants", "coinr"]
    res = runner.invoke(app, args)
    assert res.exit_code == 0, res.output
    first = next(line for line in res.output.splitlines() if " CHE " in line)
    assert "68.38" in first and "62.79" in first and "56.88" in first
    res = runner.invoke(app, args + ["--json", "--runs", "50"])
    doc = json.loads(res.stdout)
    assert doc["results"][0]["unit"] == "CHE" and round(doc["results"][0]["Index"], 2) == 68.38
    assert doc["results"][1]["unit"] == "NLD" and round(doc["results"][1]["Index"], 2) == 64.82
    assert doc["method"]["log"] == "log_CT" and len(doc["uncertainty"]["median_rank"]) == 51
    res = runner.invoke(app, args + ["--lang", "nl"])
    assert "68,38" in res.output and "Rang" in res.output


def test_cli_index_bad_definition_exits_2_with_the_row(tmp_path):
    f = tmp_path / "d.csv"
    f.write_text(SYN_CSV.replace("1,b,B,1,3,", "1,b,B,1,x,"))
    (tmp_path / "v.csv").write_text(SYN_DATA)
    res = CliRunner().invoke(app, ["index", "--definition", str(f), "--data", str(tmp_path / "v.csv")])
    assert res.exit_code == 2 and "row 3" in res.output and "Weight" in res.output


def test_report_methods_note_names_each_choice_and_its_alternative():
    from markupsafe import Markup

    from innovatlas.report import _env

    for lang, words in (("en", ["x / target", "n_dist2targ", "ln(x − min + 1)", "log_CT", "averaged", "minimum rank"]),
                        ("nl", ["x / streefwaarde", "n_dist2targ", "ln(x − min + 1)", "log_CT", "gemiddelde van hun rangen",
                                "laagste rang"])):
        html = _env(lang).get_template("_monitor.html").render(
            findings=[], targets=[], inputs=[], qualitative=[], context=[], chart_view=Markup("<svg></svg>"),
            composite={"method": "m", "partial_years_left_out": []})
        note = html.split('id="composite-choices">')[1].split("</p>")[0]
        for w in words:
            assert w in note, (lang, w)
