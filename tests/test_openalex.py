"""OpenAlex works (issue 15): import, #15-#17, co-publication networks, the heterogeneous network, fetch.

Synthetic works are worked out by hand below; the real-file tests take their expected counts from an independent
``json`` parse of the same files (../shared/data/openalex-works-api-samples, real OpenAlex API output, CC0).
"""

from __future__ import annotations

import gzip
import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest

from innovatlas.errors import InputError
from innovatlas.store import Workspace

SAMPLES = Path(__file__).resolve().parents[2] / "shared" / "data" / "openalex-works-api-samples"
if not SAMPLES.exists():  # a checkout next to shared/ (the worktrees) or inside it
    SAMPLES = Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "openalex-works-api-samples"
PAGES = sorted(SAMPLES.glob("openalexPro_*.json.gz"))
ARRAY = SAMPLES / "tu9_books_2017-2022_diophila.json.gz"


# -- synthetic works, worked out by hand ------------------------------------------------------------------------
def inst(key: str, kind: str, country: str) -> dict:
    return {"id": f"https://openalex.org/I{key}", "display_name": f"Inst {key}", "ror": f"https://ror.org/{key}",
            "country_code": country, "type": kind}


U1, C1, C2 = inst("u1aaaaaaa", "education", "NL"), inst("c1aaaaaaa", "company", "NL"), inst("c2aaaaaaa", "company", "NL")
U2, H = inst("u2aaaaaaa", "education", "DE"), inst("haaaaaaaa", "healthcare", "DE")
H2, G1 = inst("h2aaaaaaa", "healthcare", "NL"), inst("g1aaaaaaa", "government", "US")


def author(a: str, *insts: dict, pos: str = "middle") -> dict:
    return {"author_position": pos, "author": {"id": f"https://openalex.org/{a}", "display_name": a, "orcid": None},
            "institutions": list(insts), "raw_affiliation_strings": [i["display_name"] for i in insts]}


SYNTHETIC = [
    # W1 2020: A1 at U1; A2 at C1 and C2 (two firms: same type, no dual appointment); A3 at U2 and H (dual, no member)
    {"id": "https://openalex.org/W1", "doi": "https://doi.org/10.1/W1", "publication_year": 2020, "type": "article",
     "open_access": {"is_oa": True, "oa_status": "gold"}, "primary_location": {"source": {"display_name": "J"}},
     "topics": [{"id": "https://openalex.org/T1", "display_name": "Topic", "score": 0.9}],
     "authorships": [author("A1", U1, pos="first"), author("A2", C1, C2), author("A3", U2, H, pos="last")]},
    # W2 2020: two authors at U1 only (one organisation: not a co-publication)
    {"id": "https://openalex.org/W2", "publication_year": 2020, "type": "article", "authorships": [author("A1", U1), author("A4", U1)]},
    # W3 2021: A5 at U1 and H2 (education + healthcare: the dual-appointment proxy, at a member); A6 at G1; A7 no institution
    {"id": "https://openalex.org/W3", "publication_year": 2021, "type": "article",
     "host_venue": {"display_name": "Old venue"}, "concepts": [{"id": "https://openalex.org/C1", "display_name": "C", "level": 0, "score": "0.5"}],
     "authorships": [author("A5", U1, H2), author("A6", G1), author("A7")]},
    # W4 2021: no member institution: not the ecosystem's
    {"id": "https://openalex.org/W4", "publication_year": 2021, "type": "article", "authorships": [author("A8", U2)]},
]


def _jsonl(path: Path, works: list[dict]) -> Path:
    path.write_text("".join(json.dumps(w) + "\n" for w in works), encoding="utf-8")
    return path


def _registry(ws: Workspace, links: dict[int, str], members: dict[str, list[int]]) -> None:
    """A registry that links PICs to ROR ids and ecosystems with members (what the ROR import and analysis make)."""
    for pic, ror in links.items():
        ws.execute("INSERT INTO registry_identifier VALUES (?, 'pic', ?, NULL, 'test')", [f"ror:{ror}", str(pic)])
        ws.execute("INSERT INTO organisation (pic, label, participations, activity_type, country) VALUES (?, ?, 1, 'HES', 'NL')",
                   [pic, f"Org {pic}"])
    for eco, pics in members.items():
        for p in pics:
            ws.execute("INSERT INTO ecosystem_member VALUES (?, ?)", [eco, p])


@pytest.fixture(scope="module")
def syn(tmp_path_factory):
    from innovatlas.indicators.publications import compute_on_duckdb
    from innovatlas.publications.network import compute_copublication_networks
    from innovatlas.sources import openalex

    d = tmp_path_factory.mktemp("syn")
    w = Workspace(d / "ws.duckdb")
    openalex.import_paths(w, [_jsonl(d / "works.jsonl", SYNTHETIC)])
    _registry(w, {1: "u1aaaaaaa", 2: "c1aaaaaaa"}, {"eco": [1, 2], "empty": [99]})
    compute_on_duckdb(w)
    compute_copublication_networks(w)
    yield w
    w.close()


def _values(ws: Workspace, eco: str) -> dict:
    return {(m, b, y): v for m, b, y, v in ws.rows(
        "SELECT measure, breakdown, year, value FROM indicator_value WHERE ecosystem_id = ?", [eco])}


def test_synthetic_full_and_fractional_counting(syn):
    v = _values(syn, "eco")
    assert v[("publications", "", None)] == 3 and v[("publications", "", 2020)] == 2 and v[("publications", "", 2021)] == 1
    # W1: A1 1/3 at U1 + A2 1/3 split over C1 (member) and C2 -> 1/6; W2: 1/2 + 1/2; W3: A5 1/3 split over U1 and H2 -> 1/6
    assert v[("publications_fractional", "", 2020)] == pytest.approx(1 / 3 + 1 / 6 + 1)
    assert v[("publications_fractional", "", 2021)] == pytest.approx(1 / 6)
    assert v[("publications_fractional", "", None)] == pytest.approx(5 / 3)


def test_synthetic_public_private_and_international(syn):
    v = _values(syn, "eco")
    assert v[("copublications", "", None)] == 2  # W1 (5 organisations), W3 (3); W2 has one organisation
    assert v[("copublications", "public_public", None)] == 2  # W1: U1, U2, H; W3: U1, H2, G1
    assert v[("copublications", "public_private", None)] == 1  # only W1 has a company (C1, C2) with a public body
    assert v[("copublications", "public_private", 2021)] == 0
    assert v[("copublication_share", "international", None)] == 1.0  # W1 with DE, W3 with US
    assert v[("copublication_share", "eu", None)] == 0.5  # W1 only (DE)
    assert v[("copublication_share", "third_country", None)] == 0.5  # W3 only (US)


def test_synthetic_dual_appointment_proxy(syn):
    v = _values(syn, "eco")
    # A5 (U1 education + H2 healthcare, U1 a member) counts; A3 (U2 + H) has no member; A2 (two companies) is one type
    assert v[("dual_appointment_proxy", "", None)] == 1
    assert v[("dual_appointment_proxy", "", 2021)] == 1 and v[("dual_appointment_proxy", "", 2020)] == 0


def test_no_works_is_not_in_the_data_never_zero(syn):
    from innovatlas.publications import ecosystem_publications

    assert _values(syn, "empty") == {}
    d = ecosystem_publications(syn, "empty")
    assert d["in_data"] is False and d["totals"]["publications"] is None and d["workspace_works"] == 4


def test_synthetic_association_strength(syn):
    e = {(s, t): (w, f, a) for s, t, w, f, a in syn.rows(
        "SELECT source, target, works, fractional, association_strength FROM copub_edge WHERE ecosystem_id = 'eco'")}
    # pairs with a member end: W1 U1-C1, U1-C2, U1-U2, U1-H, C1-C2, C1-U2, C1-H; W3 U1-H2, U1-G1 (9 links, one work each)
    assert len(e) == 9
    u1, c1, c2, h2 = "ror:u1aaaaaaa", "ror:c1aaaaaaa", "ror:c2aaaaaaa", "ror:h2aaaaaaa"
    # totals s: U1 6, C1 4, C2 2, U2 2, H 2, H2 1, G1 1 -> 2m = 18; AS = c * 2m / (s_i s_j)
    assert e[(c1, u1)][2] == pytest.approx(18 / (6 * 4))
    assert e[(h2, u1)][2] == pytest.approx(18 / (6 * 1))
    assert e[(c1, c2)][2] == pytest.approx(18 / (4 * 2))
    assert e[(c1, u1)][1] == pytest.approx(1 / 4)  # W1 has 5 organisations: 1 / (5 - 1)
    assert e[(h2, u1)][1] == pytest.approx(1 / 2)  # W3 has 3
    nodes = {k: (m, c) for k, m, c in syn.rows("SELECT org_key, member, community FROM copub_node WHERE ecosystem_id = 'eco'")}
    assert len(nodes) == 7 and nodes[u1][0] and nodes[c1][0] and not nodes[c2][0]
    assert all(c is not None for _m, c in nodes.values())


def test_heterogeneous_network_types_and_combined_weight(tmp_path):
    from innovatlas.indicators.publications import compute_on_duckdb
    from innovatlas.publications import exports
    from innovatlas.publications.network import compute_copublication_networks, heterogeneous_network
    from innovatlas.sources import openalex

    with Workspace(tmp_path / "h.duckdb") as w:
        openalex.import_paths(w, [_jsonl(tmp_path / "works.jsonl", SYNTHETIC)])
        _registry(w, {1: "u1aaaaaaa", 2: "c1aaaaaaa"}, {"eco": [1, 2]})
        w.execute("INSERT INTO network_edge VALUES ('eco', 1, 2, 2, 1.0)")  # two joint projects
        w.execute("INSERT INTO network_node (ecosystem_id, pic) VALUES ('eco', 1), ('eco', 2)")
        w.execute("INSERT INTO user_relation VALUES ('pic:1', 'ror:g1aaaaaaa', 'dual_appointment', 2019, NULL, NULL, NULL, 1, 1)")
        compute_on_duckdb(w)
        compute_copublication_networks(w)
        net = heterogeneous_network(w, "eco")
        assert net["types"] == ["joint_project", "co_publication", "dual_appointment"]
        f = net["figures"]
        assert (f["joint_project"]["links"], f["co_publication"]["links"], f["dual_appointment"]["links"]) == (1, 9, 1)
        comb = {(c["source"], c["target"]): c for c in net["combined"]}
        # U1-C1: joint project 2 / mean 2 + co-publication 1 / mean 1 = 2; U1-G1: co-publication 1 + dual 1 / 1 = 2
        assert comb[("ror:c1aaaaaaa", "ror:u1aaaaaaa")]["weight"] == pytest.approx(2.0)
        assert sorted(comb[("ror:g1aaaaaaa", "ror:u1aaaaaaa")]["types"]) == ["co_publication", "dual_appointment"]
        assert f["combined"]["links"] == 9 and f["combined"]["multiplex_pairs"] == 2
        only = heterogeneous_network(w, "eco", ["joint_project"])
        assert only["types"] == ["joint_project"] and len(only["edges"]) == 1
        gexf, graphml = exports.to_gexf(net), exports.to_graphml(net)
        assert gexf.count('<attvalue for="type" value="co_publication"/>') == 9 and 'class="edge"' in gexf
        assert graphml.count('<data key="type">dual_appointment</data>') == 1
        vos = exports.to_vosviewer_by_type(net)
        assert set(vos) == {"joint_project", "co_publication", "dual_appointment"}
        assert len(vos["co_publication"]["network"]["links"]) == 9 and len(vos["joint_project"]["network"]["items"]) == 2


# -- the real files -----------------------------------------------------------------------------------------------
def _independent(files: list[Path]) -> dict:
    """Counts by a plain json parse of the files (the reference: nobody's parser but Python's)."""
    works: dict[str, dict] = {}
    for f in files:
        doc = json.loads(gzip.open(f).read())
        for w in (doc["results"] if isinstance(doc, dict) else doc):
            works.setdefault(w["id"].rsplit("/", 1)[-1], w)
    auth = sum(len(w.get("authorships") or []) for w in works.values())
    aff = sum(1 for w in works.values() for a in w.get("authorships") or [] for i in a.get("institutions") or []
              if i.get("id") or i.get("ror"))
    nl = sum(1 for w in works.values() if any(i.get("country_code") == "NL" for a in w.get("authorships") or []
                                               for i in a.get("institutions") or []))
    years: dict[int, int] = {}
    for w in works.values():
        years[w["publication_year"]] = years.get(w["publication_year"], 0) + 1
    modern = sum(1 for w in works.values() if "primary_location" in w or "topics" in w)
    return {"works": works, "authorships": auth, "affiliations": aff, "nl": nl, "years": years, "modern": modern}


@pytest.fixture(scope="module")
def real(tmp_path_factory):
    from innovatlas.sources import openalex

    w = Workspace(tmp_path_factory.mktemp("oa") / "ws.duckdb")
    report = openalex.import_paths(w, [*PAGES, ARRAY])
    yield w, report
    w.close()


def test_real_files_counts_match_an_independent_parse(real):
    ws, report = real
    ref = _independent([*PAGES, ARRAY])
    assert ws.scalar("SELECT count(*) FROM openalex_work") == len(ref["works"]) == 587
    assert ws.scalar("SELECT count(*) FROM openalex_authorship") == ref["authorships"]
    assert ws.scalar("SELECT count(*) FROM openalex_affiliation") == ref["affiliations"]
    assert ws.scalar("SELECT count(DISTINCT work_id) FROM openalex_affiliation WHERE country = 'NL'") == ref["nl"]
    assert dict(ws.rows("SELECT publication_year, count(*) FROM openalex_work GROUP BY 1")) == ref["years"]
    assert ws.scalar("SELECT count(*) FROM openalex_work WHERE schema = '2025'") == ref["modern"] == 177
    assert ws.scalar("SELECT count(*) FROM openalex_work WHERE schema = '2022'") == 410
    # the 2022 raw_affiliation_string and the 2025 raw_affiliation_strings both land in raw_affiliations
    w = ref["works"]["W2741809807"] if "W2741809807" in ref["works"] else next(iter(ref["works"].values()))
    wid = w["id"].rsplit("/", 1)[-1]
    raw = ws.scalar("SELECT raw_affiliations FROM openalex_authorship WHERE work_id = ? AND author_seq = 1", [wid])
    a0 = w["authorships"][0]
    assert raw == (a0.get("raw_affiliation_strings") or ([a0["raw_affiliation_string"]] if a0.get("raw_affiliation_string") else None))
    assert sum(report.loaded.values()) == 587
    # topics (2025) and concepts (2022, whose score is text in the file) are both kept
    n_concepts = sum(len(w.get("concepts") or []) for w in ref["works"].values() if "primary_location" not in w and "topics" not in w)
    assert ws.scalar("SELECT count(*) FROM openalex_topic WHERE kind = 'concept' AND work_id IN "
                     "(SELECT work_id FROM openalex_work WHERE schema = '2022')") == n_concepts


def test_real_file_reimport_is_idempotent_and_jsonl_gz_reads_the_same(real, tmp_path):
    from innovatlas.sources import openalex

    ws, _ = real
    before = ws.snapshot()
    rep = openalex.import_paths(ws, [*PAGES, ARRAY])
    assert ws.snapshot() == before and len(rep.unchanged) == len(PAGES) + 1
    # the snapshot format: one work per line, gzipped, from the same pages
    lines = tmp_path / "works.jsonl.gz"
    with gzip.open(lines, "wt", encoding="utf-8") as fh:
        for f in PAGES:
            for w in json.loads(gzip.open(f).read())["results"]:
                fh.write(json.dumps(w) + "\n")
    with Workspace(tmp_path / "l.duckdb") as w2:
        openalex.import_paths(w2, [lines])
        ref = _independent(PAGES)
        assert w2.scalar("SELECT count(*) FROM openalex_work") == len(ref["works"])
        assert w2.scalar("SELECT count(*) FROM openalex_affiliation") == ref["affiliations"]
        assert w2.scalar("SELECT max(source_row) FROM openalex_work") == sum(
            len(json.loads(gzip.open(f).read())["results"]) for f in PAGES)


def test_real_file_fractional_counting_matches_an_independent_count(tmp_path):
    """TU Berlin (ROR 03v4gjf40) as the one member of an ecosystem: #15 full and fractional from the raw JSON."""
    from innovatlas.indicators.publications import compute_on_duckdb
    from innovatlas.sources import openalex

    ror = "03v4gjf40"
    full, frac = 0, 0.0
    for w in json.loads(gzip.open(ARRAY).read()):
        auths = w["authorships"]
        share = 0.0
        for a in auths:
            keys = {("ror:" + i["ror"].rsplit("/", 1)[-1]) if i.get("ror") else "openalex:" + i["id"]
                    for i in a["institutions"] if i.get("ror") or i.get("id")}  # an institution without any id: nobody
            if f"ror:{ror}" in keys:
                share += 1 / len(auths) / len(keys)
        if share:
            full, frac = full + 1, frac + share
    with Workspace(tmp_path / "tu.duckdb") as ws:
        openalex.import_paths(ws, [ARRAY])
        _registry(ws, {5: ror}, {"tu": [5]})
        compute_on_duckdb(ws)
        v = _values(ws, "tu")
        assert full > 10 and v[("publications", "", None)] == full
        assert v[("publications_fractional", "", None)] == pytest.approx(frac)
        from innovatlas.publications import organisation_publications

        org = organisation_publications(ws, 5)
        assert org["works"] == full and org["works_fractional"] == pytest.approx(frac)


# -- malformed JSON leaves the workspace unchanged -----------------------------------------------------------------
GOOD = json.dumps(SYNTHETIC[0])


@pytest.mark.parametrize("name, text, where", [
    ("truncated.jsonl", GOOD + "\n" + GOOD[:-40] + "\n", {"line": 2}),
    ("year.jsonl", GOOD + "\n" + GOOD.replace('"publication_year": 2020', '"publication_year": "twenty"') + "\n",
     {"line": 2, "field": "publication_year"}),
    ("authorships.jsonl", GOOD.replace('"id": "https://openalex.org/W1"', '"id": "https://openalex.org/W9"') + "\n"
     + json.dumps({"id": "W5", "authorships": "A1, A2"}) + "\n", {"line": 2, "field": "authorships"}),
    ("country.jsonl", json.dumps({"id": "W6", "authorships": [{"institutions": [{"id": "I1", "country_code": 31}]}]}) + "\n",
     {"line": 1, "field": "authorships[0].institutions[0].country_code"}),
    ("noid.jsonl", GOOD + "\n" + json.dumps({"publication_year": 2020}) + "\n", {"line": 2, "field": "id"}),
    ("array.json", "[" + GOOD + ", " + GOOD[:100], {"line": 1}),
    ("page.json", json.dumps({"meta": {}, "results": [SYNTHETIC[1], {"id": "W7", "topics": {"id": "T"}}]}),
     {"row": 2, "field": "results[1].topics"}),
])
def test_malformed_json_names_file_line_field_and_changes_nothing(syn, tmp_path, name, text, where):
    from innovatlas.sources import openalex

    bad = tmp_path / name
    bad.write_text(text, encoding="utf-8")
    good = _jsonl(tmp_path / "good.jsonl", [dict(SYNTHETIC[3], id="https://openalex.org/W77")])
    before = syn.snapshot()
    with pytest.raises(InputError) as err:
        openalex.import_paths(syn, [good, bad])  # the good file first: it must not land either
    e = err.value
    assert e.file == str(bad)
    for k, v in where.items():
        assert getattr(e, k) == v, (k, e.render())
    assert "What to do" in e.render() or e.hint
    assert syn.snapshot() == before


def test_cli_error_exits_2_without_traceback(tmp_path):
    from typer.testing import CliRunner

    from innovatlas.cli import app

    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "W1", "publication_year": "x"}\n', encoding="utf-8")
    r = CliRunner().invoke(app, ["import", "openalex", str(bad), "-w", str(tmp_path / "w.duckdb")])
    assert r.exit_code == 2 and "line 1" in r.output and "publication_year" in r.output and "Traceback" not in r.output


# -- the fetch client against a local replay server --------------------------------------------------------------
class Replay(BaseHTTPRequestHandler):
    """Replays the saved works as cursor pages; 429 once (Retry-After), then 503 on page 3 until told to stop."""

    works: list[dict] = []
    calls: list[dict] = []
    fail_page3 = True
    sent_429 = False

    def log_message(self, *a):  # quiet
        pass

    def do_GET(self):  # noqa: N802
        q = {k: v[0] for k, v in parse_qs(urlparse(self.path).query).items()}
        type(self).calls.append(q)
        if not type(self).sent_429:
            type(self).sent_429 = True
            self._send(429, {"error": "slow down"}, {"Retry-After": "3"})
            return
        per = int(q["per-page"])
        start = 0 if q["cursor"] == "*" else int(q["cursor"])
        if start == 2 * per and type(self).fail_page3:
            self._send(503, {"error": "unavailable"})
            return
        chunk = type(self).works[start:start + per]
        nxt = str(start + per) if start + per < len(type(self).works) else None
        self._send(200, {"meta": {"count": len(type(self).works), "next_cursor": nxt, "per_page": per}, "results": chunk})

    def _send(self, code, body, headers=None):
        data = json.dumps(body).encode()
        self.send_response(code)
        self.send_header("Content-Type", "application/json")
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)


@pytest.fixture
def replay():
    works = [w for f in PAGES for w in json.loads(gzip.open(f).read())["results"]]
    Replay.works, Replay.calls, Replay.fail_page3, Replay.sent_429 = works, [], True, False
    srv = ThreadingHTTPServer(("127.0.0.1", 0), Replay)
    t = threading.Thread(target=srv.serve_forever, daemon=True)
    t.start()
    yield f"http://127.0.0.1:{srv.server_address[1]}", works
    srv.shutdown()
    srv.server_close()
    t.join(timeout=5)


def test_fetch_pages_backs_off_and_resumes(replay, tmp_path):
    from innovatlas.publications.fetch import FetchError, fetch_works
    from innovatlas.sources import openalex

    url, works = replay
    waits: list[float] = []
    kw = dict(ror=["https://ror.org/03v4gjf40"], year_from=1980, year_to=2020, email="me@example.org", base_url=url,
              per_page=40, max_retries=2, backoff=0.5, sleep=waits.append)
    with pytest.raises(FetchError) as err:
        fetch_works(tmp_path, **kw)
    assert "again" in str(err.value)
    assert waits == [3.0, 0.5, 1.0]  # Retry-After honoured, then 0.5 * 2^attempt on the 503s of page 3
    q = Replay.calls[1]
    assert q["filter"] == "institutions.ror:03v4gjf40,publication_year:1980-2020" and q["mailto"] == "me@example.org"
    out = next(tmp_path.glob("openalex-works-*.jsonl"))
    assert out.read_bytes().count(b"\n") == 80  # two complete pages before the failure
    Replay.fail_page3 = False
    n_calls = len(Replay.calls)
    out2 = fetch_works(tmp_path, **kw)  # resumes from the saved cursor
    assert out2 == out and Replay.calls[n_calls]["cursor"] == "80"
    assert out.read_bytes().count(b"\n") == len(works) == 177
    assert fetch_works(tmp_path, **kw) == out and len(Replay.calls) == n_calls + 3  # done: no new request
    with Workspace(tmp_path / "f.duckdb") as ws:  # what fetch writes, import reads
        openalex.import_paths(ws, [out])
        assert ws.scalar("SELECT count(*) FROM openalex_work") == len({w["id"] for w in works})


def test_diagnosis_evidence_judged_only_with_enough_works(syn, tmp_path):
    """#16 for challenge 7: the public-private share of co-publications, against the parent ecosystem."""
    from innovatlas.indicators.publications import compute_on_duckdb
    from innovatlas.publications.diagnosis import MIN_WORKS, publication_evidence
    from innovatlas.sources import openalex

    small = publication_evidence(syn, "eco", 16, "#16", "#16")
    assert small.value == 0.5 and small.judgement is None and "fewer than" in small.reason_en  # 1 of 2, 2 works
    none = publication_evidence(syn, "empty", 17, "#17", "#17")
    assert none.value is None and none.judgement is None and "not in the data" in none.reason_en and "proxy" in none.label_en
    # 40 copies of W1 (public-private) and 40 of W3 (public only): the parent 'par' (U1 and C1 members) has share 1/2,
    # the child 'kid' (C1 only, so only the W1 copies) has share 1: better than its parent
    n = MIN_WORKS + 10
    works = [dict(SYNTHETIC[0], id=f"https://openalex.org/W1{i:03d}") for i in range(n)]
    works += [dict(SYNTHETIC[2], id=f"https://openalex.org/W3{i:03d}") for i in range(n)]
    with Workspace(tmp_path / "d.duckdb") as w:
        openalex.import_paths(w, [_jsonl(tmp_path / "many.jsonl", works)])
        _registry(w, {1: "u1aaaaaaa", 2: "c1aaaaaaa"}, {"par": [1, 2]})
        w.execute("INSERT INTO ecosystem_member VALUES ('kid', 2)")
        compute_on_duckdb(w)
        par = publication_evidence(w, "par", 16, "#16", "#16")
        kid = publication_evidence(w, "kid", 16, "#16", "#16", parent="par")
        assert par.value == 0.5 and par.judgement == 0  # two publication years only: no trend, no parent
        assert kid.value == 1.0 and kid.reference == 0.5 and kid.judgement == 1 and kid.reference_kind == "peers"


def test_cut_off_gzip_is_a_clear_error_and_changes_nothing(syn, tmp_path):
    from innovatlas.sources import openalex

    data = gzip.compress("".join(json.dumps(dict(w, id=f"{w['id']}{i}")) + "\n" for i in range(300) for w in SYNTHETIC).encode())
    bad = tmp_path / "cut.jsonl.gz"
    bad.write_bytes(data[: len(data) // 2])
    before = syn.snapshot()
    with pytest.raises(InputError) as err:
        openalex.import_paths(syn, [bad])
    assert err.value.file == str(bad) and "download" in (err.value.hint or "")
    assert syn.snapshot() == before
