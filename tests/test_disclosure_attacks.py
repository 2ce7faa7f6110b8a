"""An attacker's tests of disclosure control (issue 16).

Everything confidential here is synthetic, made up for the test. The attacker knows what a
reader of the published tables knows: the published values, that the parts of each
breakdown dimension add up to their total, which organisations make up each ecosystem (so
two ecosystems differing by a few members differ by those members' values), and every
version the history shows. The attacker's solver is written here, independently of
:mod:`innovatlas.disclosure`: exact rational Gaussian elimination (no floating point), and a
suppressed value (or the value of a group of fewer than ``min_units`` contributors) counts
as recovered when it is fixed by the published values and the relations.

Classes of attack covered: direct reading on every output path; total minus parts in one
dimension; several dimensions and their cross-classification (marginals); superseded values
beside current ones (history); differencing between overlapping and nested ecosystems
(contributor sets listed, or the ecosystems' members); stale derived results after a rule
change; the (n, k) dominance rules. Not covered (and documented as such in the README):
interval (bounds) attacks and unions of three or more overlapping sets other than disjoint
unions.
"""

from __future__ import annotations

import io
import itertools
import json
import shutil
from fractions import Fraction
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from innovatlas.disclosure import DisclosureRule, apply_rule, disclosed_history, disclosed_inputs, rule_of, set_rule
from innovatlas.errors import InputError
from innovatlas.inputs import import_values
from innovatlas.store import Workspace

HEAD = "ecosystem,indicator,breakdown,year,value,unit,source,kind,confidential,units,largest_share,top2_share,contributors,author"


def _csv(tmp_path: Path, name: str, lines: list[str]) -> Path:
    p = tmp_path / name
    p.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return p


def _row(eco, ind, bd, year, value, units, top1, top2="", contributors="", conf="yes"):
    return f"{eco},{ind},{bd},{year},{value},EUR,CBS microdata,import,{conf},{units},{top1},{top2},{contributors},alice"


# --- the attacker ----------------------------------------------------------------------------

def _rref(m: list[list[Fraction]]) -> list[list[Fraction]]:
    m = [r[:] for r in m if any(r)]
    rank, ncols = 0, len(m[0]) if m else 0
    for col in range(ncols):
        pivot = next((i for i in range(rank, len(m)) if m[i][col] != 0), None)
        if pivot is None:
            continue
        m[rank], m[pivot] = m[pivot], m[rank]
        p = m[rank][col]
        m[rank] = [x / p for x in m[rank]]
        for i in range(len(m)):
            if i != rank and m[i][col] != 0:
                f = m[i][col]
                m[i] = [a - f * b for a, b in zip(m[i], m[rank])]
        rank += 1
        if rank == len(m):
            break
    return m[:rank]


def recovered(relations: list[dict], unknown: list) -> set:
    """Unknowns fixed by the relations (all other variables published), exactly: ``u`` is fixed
    when the unit vector of ``u`` lies in the row space of the relations restricted to the
    unknowns, i.e. when a row of the reduced row echelon form has ``u`` as its only entry."""
    unknown = list(dict.fromkeys(unknown))
    idx = {u: i for i, u in enumerate(unknown)}
    mat = [[Fraction(0)] * len(unknown) for _ in relations]
    for r, rel in enumerate(relations):
        for v, c in rel.items():
            if v in idx:
                mat[r][idx[v]] += Fraction(c)
    out = set()
    for row in _rref(mat):
        nonzero = [i for i, x in enumerate(row) if x != 0]
        if len(nonzero) == 1:
            out.add(unknown[nonzero[0]])
    return out


def attacker_relations(cells: dict, sets: dict, min_units: int, dims_of) -> tuple[list[dict], set]:
    """The relations a reader knows, for cells ``(version, eco, breakdown) -> value`` of one indicator and year.

    ``dims_of(breakdown)`` gives ``{dimension: category}``; ``sets[eco]`` the contributor set.
    Returns the relations and the virtual unknowns that are small groups (sensitive).
    """
    relations, small = [], set()
    versions = sorted({v for v, _e, _b in cells})
    for v in versions:
        here = {(e, b) for vv, e, b in cells if vv == v}
        for e in {e for e, _b in here}:
            bds = [b for ee, b in here if ee == e]
            for b in bds:
                d = dims_of(b)
                for dim in d:
                    rest = {k: c for k, c in d.items() if k != dim}
                    marginal = next((m for m in bds if dims_of(m) == rest), None)
                    siblings = [s for s in bds if set(dims_of(s)) == set(d)
                                and {k: c for k, c in dims_of(s).items() if k != dim} == rest]
                    if marginal is not None:
                        rel = {(v, e, marginal): 1}
                        for s in siblings:
                            rel[(v, e, s)] = rel.get((v, e, s), 0) - 1
                        relations.append(rel)
        for b in {b for _e, b in here}:
            ecos = sorted(e for e, bb in here if bb == b)
            for a, c in itertools.combinations(ecos, 2):
                diff = len(sets[a] ^ sets[c])
                if diff == 0:
                    relations.append({(v, a, b): 1, (v, c, b): -1})
                elif diff < min_units:
                    g = ("group", v, a, c, b)
                    relations.append({(v, c, b): 1, (v, a, b): -1, g: -1})
                    small.add(g)
            for p in ecos:  # disjoint unions the reader can see
                kids = [k for k in ecos if k != p and sets[k] < sets[p]]
                for n in range(2, len(kids) + 1):
                    for combo in itertools.combinations(kids, n):
                        union = frozenset().union(*(sets[k] for k in combo))
                        if sum(len(sets[k]) for k in combo) == len(union) and union == sets[p]:
                            rel = {(v, p, b): 1}
                            rel.update({(v, k, b): -1 for k in combo})
                            relations.append(rel)
    return relations, small


def _dims(bd: str) -> dict:
    return dict(part.split(":", 1) for part in bd.split(";") if part) if bd else {}


# --- synthetic confidential tables -----------------------------------------------------------

SIZES, REGIONS = ("sme", "large"), ("north", "south", "east")


@st.composite
def tables(draw):
    """Contributors with a value, a size class and a region; 2-3 ecosystems that nest, overlap or
    nearly coincide; breakdowns in 0-2 dimensions (with or without their cross-classification);
    optionally a second version that revises some contributors' values."""
    n = draw(st.integers(8, 30))
    values = draw(st.lists(st.integers(1, 5000), min_size=n, max_size=n))
    size = draw(st.lists(st.sampled_from(SIZES), min_size=n, max_size=n))
    region = draw(st.lists(st.sampled_from(REGIONS), min_size=n, max_size=n))
    people = [f"c{i}" for i in range(n)]
    base = frozenset(draw(st.lists(st.sampled_from(people), min_size=4, max_size=n, unique=True)))
    others = sorted(set(people) - base)
    extra = draw(st.integers(0, min(len(others), 12)))
    sets = {"a": base, "b": base | frozenset(others[:extra])}
    if draw(st.booleans()) and len(others) > extra:
        sets["c"] = frozenset(others[extra:]) | (base if draw(st.booleans()) else frozenset())
    dims = draw(st.sampled_from([(), ("size",), ("region",), ("size", "region")]))
    cross = len(dims) == 2 and draw(st.booleans())
    revise = draw(st.lists(st.sampled_from(people), max_size=4, unique=True))
    factor = draw(st.integers(2, 5))
    min_units = draw(st.sampled_from([3, 5, 10]))
    two = draw(st.booleans())
    return dict(values=dict(zip(people, values)), attrs={p: {"size": s, "region": r} for p, s, r in zip(people, size, region)},
                sets=sets, dims=dims, cross=cross, revise=revise, factor=factor, min_units=min_units, two=two)


def cells_of(t, values) -> list[dict]:
    """The published table's cells: value, units and top shares from the contributors."""
    bds = [""]
    for d in t["dims"]:
        bds += [f"{d}:{c}" for c in (SIZES if d == "size" else REGIONS)]
    if t["cross"]:
        bds += [f"region:{r};size:{s}" for r in REGIONS for s in SIZES]
    out = []
    for eco, members in sorted(t["sets"].items()):
        for bd in bds:
            want = _dims(bd)
            who = sorted(values[p] for p in members if all(t["attrs"][p][k] == c for k, c in want.items()))
            if not who:
                continue
            total = sum(who)
            out.append(dict(ecosystem_id=eco, indicator="2", year=2020, breakdown=bd, value=float(total), confidential=True,
                            units=len(who), largest_share=who[-1] / total, top2_share=sum(who[-2:]) / total,
                            contributors=members))
    return out


def attack(t, published: dict, truth: dict, rule: DisclosureRule, same: list[dict]) -> set:
    """What the attacker recovers that must stay secret: primary-suppressed cells and small groups.
    ``same``: a row current in two versions is one value (the history says so)."""
    relations, small = attacker_relations(truth, t["sets"], rule.min_units, _dims)
    relations += same
    unknown = [k for k, v in published.items() if v is None] + sorted(small, key=str)
    secret = {k for k in truth if k in published and published[k] is None and truth[k]["primary"]} | small
    return recovered(relations, unknown) & secret


@settings(max_examples=120, deadline=None)
@given(tables())
def test_no_suppressed_value_can_be_recovered(t):
    rule = DisclosureRule(min_units=t["min_units"], dominance=((2, 0.85),) if t["two"] else ())
    first = cells_of(t, t["values"])
    rows = [dict(c, states=(1, 2)) for c in first]
    versions = {1: first}
    if t["revise"]:
        revised = dict(t["values"], **{p: t["values"][p] * t["factor"] for p in t["revise"]})
        second = cells_of(t, revised)
        old = {(c["ecosystem_id"], c["breakdown"]): c for c in first}
        changed = [c for c in second if old.get((c["ecosystem_id"], c["breakdown"]), {}).get("value") != c["value"]]
        keys = {(c["ecosystem_id"], c["breakdown"]) for c in changed}
        rows = [dict(c, states=(1,) if (c["ecosystem_id"], c["breakdown"]) in keys else (1, 2)) for c in first]
        rows += [dict(c, states=(2,)) for c in changed]
        versions[2] = [c for c in first if (c["ecosystem_id"], c["breakdown"]) not in keys] + changed
    out = apply_rule(rows, rule)
    # who is published, per version (a row current in two versions is published in both or neither)
    published, truth, same = {}, {}, []
    for r, src in zip(out, rows):
        for v in src["states"]:
            key = (v, r["ecosystem_id"], r["breakdown"])
            published[key] = r["value"]
            truth[key] = {"value": src["value"], "primary": rule.primary(src) is not None}
        if len(src["states"]) == 2:
            same.append({(1, r["ecosystem_id"], r["breakdown"]): 1, (2, r["ecosystem_id"], r["breakdown"]): -1})
    # 1. direct: a primary-suppressed cell is never shown
    assert all(published[k] is None for k, v in truth.items() if v["primary"])
    # 2. recovery by adding and subtracting published figures
    assert not attack(t, published, truth, rule, same)
    # 3. what is published is the true value
    assert all(published[k] in (None, truth[k]["value"]) for k in published)


# --- the five reproductions, and the (n, k) rule, on a workspace ---------------------

@pytest.fixture
def delft(synthetic_ws):
    return synthetic_ws


def _shown(ws, eco="delft", ind="2") -> dict:
    return {(r["breakdown"], r["year"]): r["value"] for r in disclosed_inputs(ws, eco, indicator=ind)}


def test_history_does_not_give_a_superseded_complement_away(delft, tmp_path):
    import_values(delft, _csv(tmp_path, "v1.csv", [HEAD, _row("delft", 2, "", 2021, 100, 30, 0.2),
                                                   _row("delft", 2, "a", 2021, 90, 25, 0.2),
                                                   _row("delft", 2, "b", 2021, 10, 3, 0.9)]))
    import_values(delft, _csv(tmp_path, "v2.csv", [HEAD, _row("delft", 2, "a", 2021, 91, 25, 0.2)]))
    hist = disclosed_history(delft, "delft")
    published = {(r["breakdown"], r["value"]) for r in hist}
    assert ("", 100) in published  # the total stays public
    assert not any(bd in ("a", "b") and v is not None for bd, v in published)  # neither 90, 91 nor 10
    # the attacker: total = a_old + b and total = a_new + b, with 100 published
    rel = [{"t": 1, "a_old": -1, "b": -1}, {"t": 1, "a_new": -1, "b": -1}]
    assert "b" not in recovered(rel, ["a_old", "a_new", "b"])


def test_secondary_suppression_stays_within_each_dimension(delft, tmp_path):
    import_values(delft, _csv(tmp_path, "v.csv", [HEAD, _row("delft", 2, "", 2021, 100, 40, 0.2),
                                                  _row("delft", 2, "size:sme", 2021, 70, 35, 0.2),
                                                  _row("delft", 2, "size:large", 2021, 30, 5, 0.4),
                                                  _row("delft", 2, "region:north", 2021, 20, 12, 0.3),
                                                  _row("delft", 2, "region:south", 2021, 80, 28, 0.2)]))
    shown = _shown(delft)
    assert shown[("size:large", 2021)] is None and shown[("size:sme", 2021)] is None  # total - sme would be large
    assert shown[("", 2021)] == 100 and shown[("region:north", 2021)] == 20 and shown[("region:south", 2021)] == 80


def test_two_breakdowns_without_dimension_names_are_refused(delft, tmp_path):
    p = _csv(tmp_path, "v.csv", [HEAD, _row("delft", 2, "", 2021, 100, 40, 0.2), _row("delft", 2, "sme", 2021, 70, 35, 0.2),
                                 _row("delft", 2, "large", 2021, 30, 5, 0.4), _row("delft", 2, "north", 2021, 20, 12, 0.3),
                                 _row("delft", 2, "south", 2021, 80, 28, 0.2)])
    before = delft.snapshot()
    with pytest.raises(InputError, match="add up to 200, more than their total 100") as info:
        import_values(delft, p)
    assert info.value.field == "breakdown" and "size:sme" in info.value.hint and delft.snapshot() == before


def test_a_rule_change_reaches_the_stored_diagnosis(delft, tmp_path):
    from innovatlas.diagnose import diagnose_all, findings_of

    import_values(delft, _csv(tmp_path, "v.csv", [HEAD, _row("delft", 19, "", 2021, 4242.42, 12, 0.2)]))
    with delft.transaction():
        diagnose_all(delft)

    def values():
        return [e["value"] for f in findings_of(delft, "delft") for e in f["evidence"] if e["indicator"] == "19"]

    assert values() == [4242.42]
    set_rule(delft, DisclosureRule(min_units=20))
    assert values() == [None] and "4242" not in json.dumps(findings_of(delft, "delft"))
    # a rule changed behind the tool's back (the meta table edited by hand) does not serve stale findings either
    set_rule(delft, DisclosureRule(min_units=10))
    assert values() == [4242.42]
    delft.execute("UPDATE meta SET value = '20' WHERE key = 'disclosure_min_units'")
    assert values() == [None]


def test_units_are_whole_numbers(delft, tmp_path):
    before = delft.snapshot()
    with pytest.raises(InputError, match="'9.5' is not a whole number") as info:
        import_values(delft, _csv(tmp_path, "v.csv", [HEAD, _row("delft", 19, "", 2021, 1, 12, 0.2),
                                                      _row("delft", 19, "", 2022, 1, "9.5", 0.2)]))
    assert (info.value.row, info.value.field) == (3, "units") and delft.snapshot() == before


def test_every_problem_is_reported_with_the_spreadsheet_row(delft, tmp_path):
    rows = [HEAD] + [_row("delft", 19, "", 2000 + i, '"12,5"', "x" if i % 2 else 12, 0.2) for i in range(30)]
    with pytest.raises(InputError) as info:
        import_values(delft, _csv(tmp_path, "v.csv", rows))
    err = info.value
    assert err.total == 15 and [e.row for e in err.errors][:3] == [3, 5, 7]  # every odd data row, as Excel numbers it
    assert "15 problems" in str(err) and "'x' is not a number" in str(err)
    # the Dutch decimal comma is a number: with the units fixed, 12,5 imports as 12.5
    import_values(delft, _csv(tmp_path, "ok.csv", [HEAD, _row("delft", 19, "", 2021, '"12,5"', 12, 0.2, conf="no")]))
    assert _shown(delft, ind="19")[("", 2021)] == 12.5


def test_differencing_between_ecosystems_whose_members_differ_by_one(real_workspace, tmp_path):
    """Two ecosystems of real organisations (PIC lists): b has one member more than a."""
    from innovatlas.analysis import analyse, load_definitions

    path = tmp_path / "copy.duckdb"
    shutil.copy(real_workspace, path)
    with Workspace(path) as ws:
        pics = [r[0] for r in ws.rows("SELECT pic FROM ecosystem_member WHERE ecosystem_id = 'delft' ORDER BY pic LIMIT 11")]
        defs = tmp_path / "defs.toml"
        defs.write_text(f'[[ecosystem]]\nid = "pair-a"\nname_en = "Pair A"\nname_nl = "Paar A"\nkind = "custom"\n'
                        f'select.organisations = {pics[:10]}\n\n'
                        f'[[ecosystem]]\nid = "pair-b"\nname_en = "Pair B"\nname_nl = "Paar B"\nkind = "custom"\n'
                        f'select.organisations = {pics}\n', encoding="utf-8")
        analyse(ws, load_definitions(defs))
        assert ws.scalar("SELECT count(*) FROM ecosystem_member WHERE ecosystem_id = 'pair-b'") == 11
        import_values(ws, _csv(tmp_path, "v.csv", [HEAD, _row("pair-a", 2, "", 2021, 5400, 10, 0.2),
                                                   _row("pair-b", 2, "", 2021, 6000, 11, 0.2)]))
        a, b = _shown(ws, "pair-a")[("", 2021)], _shown(ws, "pair-b")[("", 2021)]
        assert None in (a, b) and (a, b) != (None, None)  # one is withheld, so 600 cannot be read off
        # the contributor set is the ecosystems' members at import time
        assert ws.scalar("""SELECT size FROM contributor_set s JOIN indicator_input i ON i.contributor_set = s.set_id
                            WHERE i.ecosystem_id = 'pair-b'""") == 11
        # listed contributors take precedence over the members: disjoint lists, nothing to difference
        import_values(ws, _csv(tmp_path, "v2.csv", [HEAD, _row("pair-a", 2, "", 2022, 5400, 10, 0.2, "", "|".join(f"x{i}" for i in range(10))),
                                                    _row("pair-b", 2, "", 2022, 6000, 11, 0.2, "", "|".join(f"y{i}" for i in range(11)))]))
        assert _shown(ws, "pair-a")[("", 2022)] == 5400 and _shown(ws, "pair-b")[("", 2022)] == 6000


def test_dominance_rules_n_k(delft, tmp_path):
    # the largest holds 50 % (allowed by (1, 50%)), the two largest 90 % (not by (2, 85%))
    import_values(delft, _csv(tmp_path, "v.csv", [HEAD, _row("delft", 19, "", 2021, 1000, 20, 0.5, 0.9),
                                                  _row("delft", 19, "", 2022, 1000, 20, 0.3)]))
    assert _shown(delft, ind="19") == {("", 2021): 1000, ("", 2022): 1000}
    set_rule(delft, DisclosureRule(dominance=((2, 0.85),)))
    assert rule_of(delft).rules() == [(1, 0.5), (2, 0.85)]
    rows = {r["year"]: r for r in disclosed_inputs(delft, "delft", indicator="19")}
    assert rows[2021]["value"] is None and "2 largest contributors above 85%" in rows[2021]["suppression"]
    # no top-2 share given: the (2, k) rule cannot be judged, so the cell is withheld
    assert rows[2022]["value"] is None and "not given" in rows[2022]["suppression"]
    assert rows[2021]["top2_share"] is None  # a suppressed cell's composition is not shown either
    with pytest.raises(InputError, match="n = 1, 2 or 3"):
        DisclosureRule(dominance=((4, 0.9),))


# --- every output path, with every kind of protection at once --------------------------------

#: the withheld figures, as either language writes them (a figure counts only when no digit touches it)
SECRETS = ("777123", "777.123", "777,123", "968583", "968.583", "968,583", "31417", "31.417", "31,417", "4242",
           # confidential framework figures (issue 19): a facility investment, a financing round, an employee count
           "636363", "636.363", "636,363", "515151", "515.151", "515,151", "171")


def _leaks(text: str) -> list[str]:
    import re

    return [s for s in SECRETS if re.search(r"(?<![\d.,])" + re.escape(s) + r"(?![\d]|[.,]\d)", text)]


def test_no_output_path_shows_a_suppressed_value(delft, tmp_path):
    """History, several dimensions, a configured (2, k) rule: read every path the product has."""
    from fastapi.testclient import TestClient
    from openpyxl import load_workbook

    from innovatlas.diagnose import diagnose_all
    from innovatlas.report import render_site
    from innovatlas.web import create_app

    set_rule(delft, DisclosureRule(dominance=((2, 0.85),)))
    import_values(delft, _csv(tmp_path, "v1.csv", [
        HEAD, _row("delft", 2, "", 2021, 1000000, 40, 0.2, 0.3),
        _row("delft", 2, "sector:a", 2021, 222877, 37, 0.3, 0.4),
        _row("delft", 2, "sector:b", 2021, 777123, 3, 0.9, 1.0),          # 3 units
        _row("delft", 2, "size:sme", 2021, 968583, 30, 0.2, 0.3),
        _row("delft", 2, "size:large", 2021, 31417, 10, 0.5, 0.9),        # the two largest hold 90 %
        _row("delft", 19, "", 2021, 4242, 4, 0.3, 0.5)]))                 # 4 units
    from innovatlas.cycles import render_snapshot_report, take_snapshot

    take_snapshot(delft, "delft", "t1", "test")       # issue 12: a snapshot holds the raw v1 values
    import_values(delft, _csv(tmp_path, "v2.csv", [HEAD, _row("delft", 2, "sector:a", 2021, 222878, 37, 0.3, 0.4)]))
    from innovatlas.framework.imports import import_kind  # confidential framework figures (issue 19)

    for name, rows in (("st.csv", ["actor_id,name,ecosystems", "s1,Synthetic S1,delft"]),
                       ("st-employees.csv", ["actor_id,year,employees,confidential", "s1,2020,171,yes"]),
                       ("fa.csv", ["facility_id,name,facility_type,ecosystems", "f1,Synthetic Hall,fieldlab,delft"]),
                       ("fa-investments.csv", ["facility_id,year,amount,currency,confidential", "f1,2021,636363,EUR,yes"]),
                       ("fi.csv", ["actor_id,date,amount,currency,instrument,confidential", "s1,2021-02-01,515151,EUR,vc,yes"])):
        (tmp_path / name).write_text("\n".join(rows) + "\n", encoding="utf-8")
    for kind, name in (("startups", "st.csv"), ("facilities", "fa.csv"), ("finance", "fi.csv")):
        import_kind(delft, kind, tmp_path / name)
    with delft.transaction():
        diagnose_all(delft)
    take_snapshot(delft, "delft", "t2", "test")
    out = tmp_path / "report"
    render_site(delft, out, lang="en")
    render_site(delft, out / "nl", lang="nl")
    render_snapshot_report(delft, "t1", out / "snap", "en")
    render_snapshot_report(delft, "t2", out / "snap", "nl")
    texts = [p.read_text(encoding="utf-8") for p in out.rglob("*.html")]
    path = delft.path
    delft.close()
    urls = ["/api/ecosystems/delft/inputs", "/api/ecosystems/delft/history", "/api/ecosystems/delft/diagnosis",
            "/api/ecosystems/delft/composite", "/api/ecosystems/delft/indicators", "/api/ecosystems/delft",
            "/api/download/delft/indicators.csv", "/api/download/delft/organisations.csv",
            "/api/download/delft/network.gexf", "/ecosystems/delft", "/ecosystems/delft?lang=nl",
            # paths added with the connection agenda, coverage and the registry
            "/connections", "/connections?lang=nl", "/api/connections/matrix", "/api/connections/specialisation",
            "/api/ecosystems/delft/dynamics", "/api/ecosystems/delft/consortium?theme=SC3",
            "/ecosystems/delft/consortium?theme=SC3", "/api/coverage", "/api/placement", "/matches", "/api/matches",
            # the European overview (issue 11)
            "/europe", "/europe?lang=nl", "/api/europe", "/api/europe?lang=nl",
            # the network page and its level-of-detail view (binary columns: read as bytes)
            "/ecosystems/delft/network", "/api/ecosystems/delft/network/view",
            "/api/ecosystems/delft/network/view/links?min_weight=1",
            # the framework programmes (issue 19): programme filters, continuity, series per programme, attributes
            "/api/programmes", "/api/continuity", "/api/ecosystems/delft/continuity",
            "/api/ecosystems/delft/series/programmes", "/api/ecosystems/delft/series?programme=H2020",
            "/api/ecosystems/delft/indicators?programme=H2020", "/api/ecosystems/delft/network?programme=H2020",
            "/ecosystems/delft?programme=H2020", "/api/organisations/999977366/attributes",
            "/api/organisations/999977366/programmes",
            # the framework data (issue 19)
            "/api/ecosystems/delft/framework", "/api/ecosystems/delft/framework?lang=nl",
            "/api/ecosystems/delft/facilities.geojson", "/api/vocabulary",
            # monitoring cycles and the learning community (issue 12)
            "/ecosystems/delft/monitoring", "/ecosystems/delft/monitoring?lang=nl", "/ecosystems/delft/snapshots/t1",
            "/ecosystems/delft/snapshots/compare?a=t1&b=t2", "/ecosystems/delft/snapshots/compare?a=t1",
            "/api/ecosystems/delft/snapshots/compare?a=t1&b=t2", "/api/ecosystems/delft/snapshots/compare?a=t1",
            "/api/ecosystems/delft/snapshots", "/api/ecosystems/delft/alerts?since=t1",
            "/api/ecosystems/delft/alerts?since=t1&format=csv", "/community?focus=delft", "/api/community",
            "/api/ecosystems/delft/package",
            # publications, co-publication and heterogeneous networks (issue 15)
            "/api/ecosystems/delft/publications", "/api/ecosystems/delft/links", "/ecosystems/delft/links",
            "/ecosystems/delft/links?lang=nl", "/api/ecosystems/delft/copublications.gexf",
            "/api/ecosystems/delft/download/links.gexf", "/api/ecosystems/delft/download/links.graphml"]
    with TestClient(create_app(path)) as client:
        for u in urls:
            resp = client.get(u)
            assert resp.status_code == 200, u
            texts.append(resp.text if "/network/view" not in u else resp.content.decode("latin-1"))
        for u in ("/api/download/delft/indicators.xlsx", "/api/download/delft/organisations.xlsx",
                  "/api/ecosystems/delft/alerts?since=t1&format=xlsx"):
            wb = load_workbook(io.BytesIO(client.get(u).content))
            texts.append(" ".join(str(c.value) for sh in wb.worksheets for row in sh.iter_rows() for c in row))
        inputs = client.get("/api/ecosystems/delft/inputs").json()["items"]
        history = client.get("/api/ecosystems/delft/history").json()["items"]
    leaks = [(s, i) for i, t in enumerate(texts) for s in _leaks(t)]
    assert not leaks, leaks
    # what the attacker can still combine: total minus the published parts of each dimension
    pub = {r["breakdown"]: r["value"] for r in inputs if r["indicator"] == "2"}
    assert pub[""] == 1000000 and pub["sector:a"] is None and pub["size:sme"] is None
    assert all(r["value"] is None for r in history if r["breakdown"] in ("sector:a", "sector:b", "size:large", "size:sme"))
