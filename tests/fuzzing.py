"""Fuzzed imports (issue 13): one set of mutation strategies for the bounded hypothesis tests
(tests/test_fuzz_imports.py) and the long run (``make fuzz``, bench/fuzz_imports.py).

Seeds are real files from ``../shared/data`` (the first rows of each, so one input imports in
milliseconds), the product's own templates (``innovatlas template ...``, filled in) and the
example decision files. Each mutation turns a seed into a new file: byte flips, truncation,
dropped and duplicated rows and columns, swapped delimiters, other encodings, huge fields,
implausible numbers and dates, formula strings, Rich markup, YAML tags, JSON nesting, and for
the zip-reading CORDIS importer zips with wrong members, nested zips and a zip bomb.

Every outcome is one of:

* ``success``  the importer accepted the file;
* ``clean``    an :class:`~innovatlas.errors.InnovatlasError` with exit code 2 whose message names the
  file, and the workspace fingerprint unchanged;
* ``unclear``  an innovatlas error that does not name the file or exits otherwise;
* ``crash``    any other exception (would be a traceback in the CLI);
* ``partial``  an error after which the workspace fingerprint changed (a half-written import).
"""

from __future__ import annotations

import codecs
import gzip
import io
import json
import random
import shutil
import traceback
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from innovatlas.errors import InnovatlasError
from innovatlas.store import Workspace

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "data"
EXAMPLES = Path(__file__).resolve().parents[1] / "examples"

OUTCOMES = ("success", "clean", "unclear", "crash", "partial")


# --- the workspace fingerprint --------------------------------------------------------------
def fingerprint(ws: Workspace) -> dict[str, str]:
    """Every table's rows, one query per table: row count and an order-independent hash of the rows."""
    return ws.snapshot()


# --- seeds ------------------------------------------------------------------------------------
def _head_lines(path: Path, n: int) -> bytes:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rb") as fh:
        return b"".join(fh.readline() for _ in range(n))


@dataclass
class Seed:
    importer: str     # name in IMPORTERS
    name: str         # file name to write (its suffix matters to the importers)
    data: bytes
    kind: str         # csv, json, yaml, toml, zip


def build_base(dest: Path) -> Path:
    """A small real workspace: the CBS regions, the first 3,000 Horizon 2020 participations, analysed
    with the built-in ecosystems. Built once, copied for every importer."""
    from innovatlas.analysis import analyse, load_definitions
    from innovatlas.sources import cordis, geo

    dest.mkdir(parents=True, exist_ok=True)
    path = dest / "base.duckdb"
    if path.exists():
        return path
    sample = dest / "h2020-sample.csv"
    sample.write_bytes(_head_lines(SHARED / "cordis-h2020-participations-eunets" / "h2020.csv.gz", 3001))
    parts = dest / "programme_parts-sample.csv"
    parts.write_bytes(_head_lines(SHARED / "cordis-h2020-participations-eunets" / "programme_parts.csv.gz", 3001))
    tmp = dest / "base.tmp.duckdb"
    tmp.unlink(missing_ok=True)
    with Workspace(tmp) as ws:
        geo.import_paths(ws, [SHARED / "nl-boundaries-cbs" / n for n in
                              ("Gemeente_2015_labels.json", "CoropGebied_2015_labels.json", "Provincie_2015_labels.json")])
        cordis.import_paths(ws, [sample, parts])
        analyse(ws, load_definitions())
    tmp.rename(path)
    return path


def _filled_templates(ws: Workspace, dest: Path) -> dict[str, bytes]:
    """The product's own templates for eindhoven, filled in the way a user would."""
    import csv

    from innovatlas.inputs import write_template

    out = {}
    for kind in ("values", "qualitative", "targets"):
        p = write_template(ws, kind, "eindhoven", dest / f"{kind}.csv")
        rows = list(csv.reader(io.StringIO(p.read_text(encoding="utf-8"))))
        header, body = rows[0], rows[1:4]
        for i, r in enumerate(body):
            d = dict(zip(header, r))
            if kind == "values":
                d.update(year=str(2019 + i), value=f"{12.5 + i}", unit="count", source="own survey", author="fuzz")
            elif kind == "qualitative":
                d.update(text="Strong cluster; see =report", date=f"2023-0{i + 1}-15", author="fuzz",
                         evidence="https://example.org/a|doi:10.1/x")
            else:
                d.update(target_value=str(100 + i), target_year="2030", baseline_value="80", baseline_year="2020",
                         author="fuzz")
            body[i] = [d.get(h, "") for h in header]
        buf = io.StringIO()
        csv.writer(buf, lineterminator="\n").writerows([header, *body])
        out[kind] = buf.getvalue().encode("utf-8")
    return out


def seeds(base: Path, dest: Path) -> list[Seed]:
    """Every importer's seed files."""
    from conftest import ORG_HEADER, PROJECT_HEADER, PROJECT_ROWS, org_lines

    dest.mkdir(parents=True, exist_ok=True)
    cordis_dir = SHARED / "cordis-h2020-participations-eunets"
    out = [
        Seed("cordis", "h2020.csv", _head_lines(cordis_dir / "h2020.csv.gz", 40), "csv"),
        Seed("cordis", "programme_parts.csv", _head_lines(cordis_dir / "programme_parts.csv.gz", 40), "csv"),
        Seed("cordis", "stacked_dump.csv", _head_lines(SHARED / "cordis-h2020-orgs-odfest2017" / "stacked_dump.csv.gz", 30), "csv"),
        Seed("cordis", "organizations.csv", _head_lines(SHARED / "cordis-fp7-organisations-gb1609" / "organizations.csv.gz", 40), "csv"),
        Seed("geo", "Provincie_2015_labels.json", (SHARED / "nl-boundaries-cbs" / "Provincie_2015_labels.json").read_bytes(), "json"),
        Seed("geo", "provincie_2023.geojson", (SHARED / "nl-boundaries-cbs" / "provincie_2023.geojson").read_bytes(), "json"),
        Seed("ror", "uni_ror_NL.csv", _head_lines(SHARED / "ror-nl-organisations-2022" / "uni_ror_NL.csv.gz", 12), "csv"),
        Seed("ris", "RIS_2023_NL.csv", _head_lines(SHARED / "eu-regional-innovation-scoreboard-2023" / "RIS_2023_NL.csv", 60), "csv"),
        # synthetic (no StatLine export in ../shared/data): the TypedDataSet layout, values made up
        Seed("statline", "85039NED.csv", b"ID,RegioS,Perioden,Bedrijfsvestigingen_1,Banen_2\n0,GM0772,2021JJ00,1200,.\n"
                                         b"1,GM0772,2022JJ00,1250,98000\n2,PV30,2022JJ00,9000,410000\n", "csv"),
        Seed("definitions", "definitions.csv",
             b"key,ecosystem,name_en,name_nl,unit,category,challenges,direction,availability\n"
             b"campus_jobs,eindhoven,Jobs on campus,Banen op de campus,jobs,output,1;4,higher,import\n"
             b"startups,,Startups,Startups,count,output,2,higher,survey\n", "csv"),
        Seed("ecosystems", "ecosystems.toml", (EXAMPLES / "ecosystems.toml").read_bytes(), "toml"),
        Seed("assess", "partnership.yaml", (EXAMPLES / "partnership-tudelft-shell.yaml").read_bytes(), "yaml"),
        Seed("assess", "portfolio.yaml", (EXAMPLES / "portfolio-micronit.yaml").read_bytes(), "yaml"),
        Seed("actors", "actors.csv",
             b"actor_id,name,actor_type,pic,ror,kvk,city,postcode,country,website,note\n"
             b"a1,Fuzz Startup BV,startup,,,,Eindhoven,5612 AZ,NL,https://example.org,\n"
             b"a2,Campus Fund,financier,,,,Eindhoven,,NL,,\n", "csv"),
        Seed("actors", "relations.csv",
             b"source,target,relation_type,start_year,end_year,weight,note\n"
             b"a1,a2,funding,2019,2021,1,\n", "csv"),
    ]
    # the current CORDIS bulk layout: the synthetic pair of tests/conftest.py, as the official zip holds it
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("project.csv", "\n".join([PROJECT_HEADER, *PROJECT_ROWS]) + "\n")
        zf.writestr("organization.csv", "\n".join([ORG_HEADER, *org_lines()]) + "\n")
    out.append(Seed("cordis", "cordis-h2020projects-csv.zip", buf.getvalue(), "zip"))
    with Workspace(base, read_only=True) as ws:
        for kind, data in _filled_templates(ws, dest).items():
            out.append(Seed(kind, f"{kind}.csv", data, "csv"))
    return out


# --- importers --------------------------------------------------------------------------------
def _cordis(ws, p):
    from innovatlas.sources import cordis
    return cordis.import_paths(ws, [p])


def _source(name):
    def run(ws, p):
        from innovatlas.sources import get_source
        return get_source(name).import_paths(ws, [p])
    return run


def _user(kind):
    def run(ws, p):
        from innovatlas import inputs
        return getattr(inputs, f"import_{kind}")(ws, p)
    return run


def _ecosystems(ws, p):
    from innovatlas.analysis import load_definitions
    return load_definitions(p)


def _assess(ws, p):
    from innovatlas.assess.inputs import read_input
    return read_input(p)


def _actors(ws, p):
    from innovatlas.registry.actors import import_file
    return import_file(ws, p)


IMPORTERS: dict[str, Callable] = {
    "cordis": _cordis, "geo": _source("geo"), "ror": _source("ror"), "ris": _source("ris"),
    "statline": _source("statline"), "values": _user("values"), "qualitative": _user("qualitative"),
    "targets": _user("targets"), "definitions": _user("definitions"), "ecosystems": _ecosystems,
    "assess": _assess, "actors": _actors,
}


# --- mutations --------------------------------------------------------------------------------
NUMBERS = ["NaN", "nan", "inf", "-inf", "Infinity", "1e400", "-1e400", "-1", "-999999", "2020.5", "99999",
           "1e308", "0x1F", "12,5", "", " ", "1_000", "99999999999999999999999"]
DATES = ["9999-12-31", "0001-01-01", "2020-13-45", "99999-01-01", "20-01-01", "2020/01/01", "abc", "1800-01-01"]
NASTY = ['=HYPERLINK("http://evil.example","x")', "+SUM(A1:A9)", "-2+3", "@cmd", "[/]", "[bold]x[/bold]", ":x:",
         "[link=http://x]y[/link]", "\x00", "\r", "a\rb", '"', '"unclosed', "\ufeff", "é", "\\N", "NULL", "NA",
         "' OR 1=1 --", "\u202e", "x" * 300]
YAML_TAGS = ["!!python/object/apply:os.system ['echo pwned']", "!!python/name:os.system", "!!binary AAAA",
             "&a [*a, *a]", "!!set {a, b}", "!!timestamp 2001-12-14", "? complex\n: key"]
KINDS = ("flip", "truncate", "drop_row", "dup_row", "dup_all_rows", "drop_col", "dup_col", "delimiter",
         "encoding", "huge", "number", "date", "nasty", "header_cr", "long_header", "empty", "only_header",
         "blank_lines", "crlf", "format")


def _split(data: bytes) -> tuple[list[bytes], bytes]:
    lines = data.split(b"\n")
    tail = b"\n" if data.endswith(b"\n") else b""
    if tail:
        lines = lines[:-1]
    return lines, tail


def _delim(line: bytes) -> bytes:
    counts = {d: line.count(d) for d in (b";", b",", b"\t")}
    return max(counts, key=counts.get)


def _cells(lines, rnd):
    """(row index, column index, delimiter) of a random data cell of a delimited file."""
    d = _delim(lines[0])
    i = rnd.randrange(1, len(lines)) if len(lines) > 1 else 0
    n = max(1, lines[i].count(d) + 1)
    return i, rnd.randrange(n), d


def _set_cell(line: bytes, j: int, value: bytes, d: bytes) -> bytes:
    parts = line.split(d)
    if j < len(parts):
        parts[j] = value
    return d.join(parts)


def _text_mutation(kind: str, data: bytes, rnd: random.Random, fmt: str) -> bytes:
    lines, tail = _split(data)
    if not lines:
        lines = [b""]
    if kind == "flip":
        b = bytearray(data or b"\0")
        for _ in range(rnd.randint(1, 4)):
            i = rnd.randrange(len(b))
            b[i] = rnd.choice([b[i] ^ (1 << rnd.randrange(8)), rnd.randrange(256), 0xFF, 0x00, 0x0D, 0x22])
        return bytes(b)
    if kind == "truncate":
        return data[:rnd.randrange(len(data) + 1)]
    if kind == "empty":
        return rnd.choice([b"", b"\n", b"\xef\xbb\xbf", b"   "])
    if kind == "only_header":
        return lines[0] + rnd.choice([b"\n", b""])
    if kind == "blank_lines":
        i = rnd.randrange(len(lines) + 1)
        return b"\n".join(lines[:i] + [b""] * rnd.randint(1, 3) + lines[i:]) + tail
    if kind == "crlf":
        return data.replace(b"\n", b"\r\n") if rnd.random() < 0.5 else data.replace(b"\n", b"\r")
    if kind == "encoding":
        text = data.decode("utf-8", errors="replace")
        enc = rnd.choice(["latin-1", "utf-16", "utf-16-le", "utf-8-sig", "cp1252", "utf-32"])
        out = text.encode(enc, errors="replace")
        return codecs.BOM_UTF8 + out if enc == "latin-1" and rnd.random() < 0.3 else out
    if fmt in ("csv",):
        if kind in ("drop_row", "dup_row") and len(lines) > 1:
            i = rnd.randrange(len(lines))
            lines = lines[:i] + lines[i + 1:] if kind == "drop_row" else lines[:i + 1] + [lines[i]] * rnd.randint(1, 3) + lines[i + 1:]
            return b"\n".join(lines) + tail
        if kind == "dup_all_rows" and len(lines) > 1:
            return b"\n".join([lines[0]] + [lines[1]] * rnd.randint(2, 50)) + tail
        if kind in ("drop_col", "dup_col"):
            d = _delim(lines[0])
            j = rnd.randrange(lines[0].count(d) + 1)
            out = []
            for line in lines:
                parts = line.split(d)
                if j < len(parts):
                    parts = parts[:j] + parts[j + 1:] if kind == "drop_col" else parts[:j + 1] + [parts[j]] + parts[j + 1:]
                out.append(d.join(parts))
            return b"\n".join(out) + tail
        if kind == "delimiter":
            d = _delim(lines[0])
            new = rnd.choice([x for x in (b";", b",", b"\t", b"|") if x != d])
            return data.replace(d, new)
        if kind in ("huge", "number", "date", "nasty"):
            i, j, d = _cells(lines, rnd)
            value = {"huge": lambda: rnd.choice([b"x", b"9", b"\"", b"a;b"]) * rnd.choice([70_000, 140_000, 300_000]),
                     "number": lambda: rnd.choice(NUMBERS).encode(),
                     "date": lambda: rnd.choice(DATES).encode(),
                     "nasty": lambda: rnd.choice(NASTY).encode("utf-8")}[kind]()
            lines[i] = _set_cell(lines[i], j, value, d)
            return b"\n".join(lines) + tail
        if kind == "header_cr":
            d = _delim(lines[0])
            parts = lines[0].split(d)
            j = rnd.randrange(len(parts))
            parts[j] = parts[j][:1] + b"\r" + parts[j][1:]
            lines[0] = d.join(parts)
            return b"\n".join(lines) + tail
        if kind == "long_header":
            d = _delim(lines[0])
            lines[0] = lines[0] + d + b"h" * rnd.choice([131_073, 200_000])
            return b"\n".join(lines) + tail
    if fmt == "json":
        if kind in ("number", "nasty", "huge", "date"):
            try:
                doc = json.loads(data.decode("utf-8"))
            except ValueError:
                return data
            value = {"number": lambda: rnd.choice([float("nan"), float("inf"), -1, 1e308, 2020.5, None, [], {}]),
                     "nasty": lambda: rnd.choice(NASTY), "huge": lambda: "x" * 300_000,
                     "date": lambda: rnd.choice(DATES)}[kind]()
            _poke_json(doc, rnd, value)
            return json.dumps(doc).encode("utf-8")
        if kind == "format":
            return rnd.choice([b"[1,2,3]", b"null", b"1", b'"x"', b"{}", b'{"type":"Topology"}',
                               b'{"type":"FeatureCollection","features":[1,null,"x"]}',
                               b'{"type":"Topology","objects":{"a":{"geometries":[{"type":"Polygon","arcs":[[99]]}]}}}',
                               b"[" * 100_000 + b"]" * 100_000, b'{"a":' * 50_000 + b"1" + b"}" * 50_000])
    if fmt in ("yaml", "toml"):
        if kind in ("nasty", "number", "date", "huge", "format"):
            i = rnd.randrange(len(lines))
            line = lines[i]
            if b":" in line or b"=" in line:
                sep = b": " if fmt == "yaml" and b":" in line else b" = "
                key = line.split(sep.strip(), 1)[0]
                if kind == "format" and fmt == "yaml":
                    value = rnd.choice(YAML_TAGS).encode()
                elif kind == "number":
                    value = rnd.choice(NUMBERS).encode() or b"''"
                elif kind == "date":
                    value = rnd.choice(DATES).encode()
                elif kind == "huge":
                    value = b"x" * 300_000
                else:
                    value = json.dumps(rnd.choice(NASTY)).encode()
                lines[i] = key + sep + value
            return b"\n".join(lines) + tail
        if kind == "drop_row" and len(lines) > 1:
            i = rnd.randrange(len(lines))
            return b"\n".join(lines[:i] + lines[i + 1:]) + tail
        if kind == "dup_row":
            i = rnd.randrange(len(lines))
            return b"\n".join(lines[:i + 1] + [lines[i]] + lines[i + 1:]) + tail
    # not applicable to this format: a byte flip instead
    return _text_mutation("flip", data, rnd, fmt)


def _poke_json(doc, rnd, value, depth=0):
    """Replace one random leaf (or add a key) in a JSON document."""
    cur = doc
    for _ in range(12):
        if isinstance(cur, dict) and cur:
            k = rnd.choice(list(cur))
            if not isinstance(cur[k], (dict, list)) or rnd.random() < 0.2:
                cur[k] = value
                return
            cur = cur[k]
        elif isinstance(cur, list) and cur:
            i = rnd.randrange(len(cur))
            if not isinstance(cur[i], (dict, list)) or rnd.random() < 0.2:
                cur[i] = value
                return
            cur = cur[i]
        else:
            return


ZIP_KINDS = ("zip_member", "zip_wrong_names", "zip_nested", "zip_bomb", "zip_empty", "zip_truncated", "zip_dir_member")


def _zip_mutation(kind: str, data: bytes, rnd: random.Random) -> bytes:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        members = {n: zf.read(n) for n in zf.namelist()}
    buf = io.BytesIO()
    if kind == "zip_truncated":
        return data[:rnd.randrange(len(data))]
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as out:
        if kind == "zip_member":
            name = rnd.choice(list(members))
            members[name] = _text_mutation(rnd.choice(KINDS), members[name], rnd, "csv")
            for n, b in members.items():
                out.writestr(n, b)
        elif kind == "zip_wrong_names":
            for n, b in members.items():
                out.writestr(rnd.choice(["readme.txt", "x/" + n, n.upper(), n + ".bak", "../" + n, "/abs/" + n]), b)
        elif kind == "zip_nested":
            out.writestr("inner.zip", data)
            if rnd.random() < 0.5:
                out.writestr("project.csv", members.get("project.csv", b""))
        elif kind == "zip_bomb":
            write_zip_bomb(out, rnd.choice(["project.csv", "organization.csv"]), BOMB_BYTES)
        elif kind == "zip_empty":
            pass
        elif kind == "zip_dir_member":
            out.writestr("project.csv/", b"")
            out.writestr("organization.csv", members.get("organization.csv", b""))
    return buf.getvalue()


#: what a fuzzed zip bomb expands to: past the importer's ratio limit (innovatlas.sources.cordis.ZIP_MAX_RATIO)
BOMB_BYTES = 100 * 2 ** 20


def write_zip_bomb(zf: zipfile.ZipFile, member: str, size: int, line: bytes = b"") -> None:
    """A member of ``size`` bytes (a header, then zeros or ``line`` repeated) written in chunks, never held in memory."""
    chunk = (line * (2 ** 20 // len(line))) if line else b"0" * 2 ** 20
    info = zipfile.ZipInfo(member)
    info.compress_type = zipfile.ZIP_DEFLATED
    with zf.open(info, "w", force_zip64=True) as fh:
        fh.write(b"rcn,role,pic\n")
        left = size
        while left > 0:
            fh.write(chunk[:left])
            left -= len(chunk)


def mutate(seed: Seed, kind: str, salt: int) -> tuple[str, bytes]:
    """The file name and contents of one mutated input (deterministic in ``kind`` and ``salt``)."""
    rnd = random.Random(salt)
    if seed.kind == "zip":
        if kind in ZIP_KINDS:
            return seed.name, _zip_mutation(kind, seed.data, rnd)
        return seed.name, _zip_mutation("zip_member", seed.data, rnd)
    data = _text_mutation(kind, seed.data, rnd, seed.kind)
    name = seed.name
    if seed.kind == "csv" and rnd.random() < 0.1 and seed.importer in ("cordis", "ror", "ris"):
        name, data = name + ".gz", gzip.compress(data, compresslevel=1)
    return name, data


def kinds_for(seed: Seed) -> tuple[str, ...]:
    return KINDS + ZIP_KINDS if seed.kind == "zip" else KINDS


# --- running one input ----------------------------------------------------------------------------
@dataclass
class Result:
    outcome: str
    detail: str = ""


def attempt(ws: Workspace, importer: str, path: Path, before: dict | None = None) -> Result:
    """Run one importer on one file and classify what happened (see the module docstring).

    ``before`` is the workspace fingerprint before the import, when the caller knows it."""
    before = fingerprint(ws) if before is None else before
    try:
        IMPORTERS[importer](ws, path)
    except InnovatlasError as exc:
        if fingerprint(ws) != before:
            return Result("partial", str(exc))
        text = str(exc)
        if getattr(exc, "exit_code", 1) != 2 or (path.name not in text and importer not in ("ecosystems",)):
            return Result("unclear", f"{type(exc).__name__} exit {getattr(exc, 'exit_code', 1)}: {text[:300]}")
        return Result("clean", text[:200])
    except Exception:  # noqa: BLE001 - that is what we are looking for
        try:
            changed = fingerprint(ws) != before
        except Exception:  # noqa: BLE001 - the workspace itself broke
            changed = True
        return Result("partial" if changed else "crash", _where_it_broke())
    return Result("success")


def _where_it_broke() -> str:
    """The innermost innovatlas frame and the exception, on one line."""
    import sys

    exc = sys.exc_info()[1]
    frames = [f for f in traceback.extract_tb(exc.__traceback__) if "/innovatlas/" in f.filename]
    at = f"{Path(frames[-1].filename).name}:{frames[-1].lineno} {frames[-1].name}" if frames else "?"
    return f"{at}: {type(exc).__name__}: {str(exc)[:200]}"


class Arena:
    """One workspace per importer, copied from the base, reused across inputs."""

    def __init__(self, base: Path, tmp: Path):
        self.base, self.tmp, self.open, self.prints = base, tmp, {}, {}
        tmp.mkdir(parents=True, exist_ok=True)

    def ws(self, importer: str) -> Workspace:
        if importer not in self.open:
            path = self.tmp / f"ws-{importer}.duckdb"
            shutil.copy(self.base, path)
            self.open[importer] = Workspace(path)
        return self.open[importer]

    def run(self, seed: Seed, kind: str, salt: int) -> Result:
        name, data = mutate(seed, kind, salt)
        d = self.tmp / "in" / f"{seed.importer}-{salt % 1000}"
        d.mkdir(parents=True, exist_ok=True)
        p = d / name
        p.write_bytes(data)
        ws = self.ws(seed.importer)
        try:
            before = self.prints.get(seed.importer) or fingerprint(ws)
            result = attempt(ws, seed.importer, p, before)
            # after an error the fingerprint was checked to be unchanged; after a success it is taken anew
            self.prints[seed.importer] = before if result.outcome == "clean" else None
            return result
        finally:
            shutil.rmtree(d, ignore_errors=True)

    def close(self):
        for w in self.open.values():
            w.close()
        self.open.clear()
