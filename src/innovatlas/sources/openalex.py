"""OpenAlex works: publications, their authors and the authors' institutions (issue 15).

Reads works as the OpenAlex API returns them and as its snapshot stores them:

* saved API result pages ``{"meta": ..., "results": [...]}`` (one page per file, several pages one after the
  other, or one page per line);
* a plain JSON array of works;
* JSON Lines, one work per line: the format of the OpenAlex snapshot and of ``innovatlas fetch openalex``;

each optionally gzipped (``.gz``), in both schema generations: 2022 (``host_venue``, ``concepts``,
``raw_affiliation_string``) and 2025 (``primary_location``, ``topics``, ``raw_affiliation_strings``).
``../shared/data/openalex-works-api-samples`` holds real files of both.

Parsing is set-based: DuckDB's JSON reader turns the file into typed rows (only the fields innovatlas keeps
are read, see :data:`innovatlas.store.queries.sources_openalex.WORK_FIELDS`), and INSERT ... SELECT with
``unnest`` spreads the nested authorships and institutions over the tables; no Python loop touches a work.
Only when DuckDB rejects a file does :func:`locate_problem` read it in Python, to name the line (or record)
and the field at fault. Per file one import batch (dataset ``openalex:works:<file name>``, provenance kept);
all files of one import are one transaction, so a bad file leaves the workspace as it was; importing the same
file again changes nothing, and a work met again in another file replaces its earlier copy.

OpenAlex data: CC0 1.0 (OurResearch).
"""

from __future__ import annotations

import gzip
import json
import re
from pathlib import Path
from typing import Any, Iterable

import duckdb

from innovatlas.errors import InputError
from innovatlas.sources import ImportReport, Progress
from innovatlas.store import Workspace
from innovatlas.store.load import sha256_of
from innovatlas.store.queries import sources_openalex as Q

__all__ = ["import_paths", "fetch", "detect_layout", "locate_problem", "LICENCE", "ATTRIBUTION", "TABLES"]

LICENCE = "CC0 1.0"
ATTRIBUTION = "OpenAlex (OurResearch), openalex.org"
TABLES = ("openalex_work", "openalex_topic", "openalex_authorship", "openalex_affiliation")
SUFFIXES = (".json", ".jsonl", ".ndjson", ".json.gz", ".jsonl.gz", ".ndjson.gz", ".gz")
HINT = ("save the works as the OpenAlex API returns them (result pages or an array) or as JSON Lines, one work "
        "per line (innovatlas fetch openalex writes that), and import the file again")


def _open(path: Path):
    with open(path, "rb") as fh:
        magic = fh.read(2)
    return gzip.open(path, "rb") if magic == b"\x1f\x8b" else open(path, "rb")


def detect_layout(path: Path) -> str:
    """``lines`` (one work per line), ``array`` (a JSON array of works) or ``page`` (API result pages)."""
    try:
        with _open(path) as fh:
            first = fh.readline(64 * 1024 * 1024)
            while first and not first.strip():
                first = fh.readline(64 * 1024 * 1024)
    except (OSError, EOFError) as exc:
        raise InputError(f"cannot read the file ({exc})", file=str(path), hint="check that the download is complete") from None
    text = first.decode("utf-8", errors="replace").lstrip("\ufeff \t\r\n")
    if not text:
        raise InputError("the file is empty", file=str(path), line=1, hint=HINT)
    if text[0] == "[":
        return "array"
    if text[0] != "{":
        raise InputError(f"not JSON: the file starts with {text[:20]!r}", file=str(path), line=1, hint=HINT)
    try:
        obj = json.loads(text)
    except ValueError:
        return "page"  # a pretty-printed object spanning lines: a saved API page
    return "page" if isinstance(obj, dict) and "results" in obj else "lines"


def _files(paths: Iterable[str | Path]) -> list[Path]:
    out = []
    for path in map(Path, paths):
        if not path.exists():
            raise InputError("no such file", file=str(path))
        if path.is_dir():
            found = sorted(p for p in path.iterdir() if p.is_file() and p.name.lower().endswith(SUFFIXES))
            if not found:
                raise InputError("no OpenAlex JSON files in this folder", file=str(path),
                                 hint="the folder should hold .json, .jsonl or .json.gz files")
            out += found
        else:
            out.append(path)
    return out


def import_paths(ws: Workspace, paths: Iterable[str | Path], progress: Progress | None = None, **_opts) -> ImportReport:
    """Import OpenAlex works from files or folders (one transaction for all of them)."""
    say = progress or (lambda _m: None)
    report = ImportReport()
    files = _files(paths)
    with ws.transaction():
        for i, path in enumerate(files, start=1):
            say(f"reading OpenAlex works {path.name} ({i}/{len(files)})")
            _import_file(ws, path, report)
        for q in Q.DROP_STAGED:
            ws.execute(q)
    return report


def _import_file(ws: Workspace, path: Path, report: ImportReport) -> None:
    display = str(path)
    dataset = f"openalex:works:{path.name}"
    sha = sha256_of(path)
    earlier = ws.batches_of(dataset)
    if earlier and earlier[-1]["sha256"] == sha:
        report.unchanged.append(dataset)
        return
    layout = detect_layout(path)
    try:
        ws.execute(Q.stage_works(str(path), layout))
    except (duckdb.InvalidInputException, duckdb.ConversionException, duckdb.IOException, duckdb.BinderException) as exc:
        raise locate_problem(path, layout, display, str(exc)) from None
    missing = ws.scalar(Q.MISSING_ID)
    if missing is not None:
        where = {"line": missing} if layout == "lines" else {"row": missing}
        raise InputError("a work without an OpenAlex id", file=display, field="id", hint=HINT, **where)
    if ws.scalar(Q.BAD_VALUE) is not None:
        raise locate_problem(path, layout, display, "a value innovatlas cannot use")
    n = ws.scalar(Q.COUNT_STAGED)
    if n == 0:
        raise InputError("no works in the file" + (" (no 'results' list)" if layout == "page" else ""), file=display,
                         field="results" if layout == "page" else None, hint=HINT)
    ids = [b["batch_id"] for b in earlier]
    if ids:
        for t in TABLES:
            ws.execute(Q.delete_batches(t, ids))
        from innovatlas.store.queries import sources_common as QC

        ws.execute(QC.DELETE_BATCHES_OF_DATASET, [dataset])
    batch = ws.new_batch(source="openalex", dataset=dataset, file=display, sha256=sha, rows=int(n), licence=LICENCE,
                         attribution=ATTRIBUTION)
    for q in Q.DELETE_REIMPORTED:
        ws.execute(q)
    ws.execute(Q.INSERT_WORKS, [batch])
    ws.execute(Q.INSERT_TOPICS, [batch, batch])
    ws.execute(Q.STAGE_AUTHORSHIPS)
    ws.execute(Q.INSERT_AUTHORSHIPS, [batch])
    ws.execute(Q.INSERT_AFFILIATIONS, [batch])
    works, authorships, affiliations = ws.rows(Q.COUNT_ROWS, [batch] * 3)[0]
    report.loaded[dataset] = int(works)
    report.notes.append(f"{dataset}: {authorships:,} authorships, {affiliations:,} author-institution links "
                        f"({layout} layout)")


# -- locating a problem DuckDB reported (the error path only) ---------------------------------------------------
_STR, _INT, _BOOL, _NUM = (str,), (int,), (bool,), (int, float, str)
_INST = {"id": _STR, "display_name": _STR, "ror": _STR, "country_code": _STR, "type": _STR}
_AUTH = {"author_position": _STR, "raw_affiliation_string": _STR}


def _kind(v: Any) -> str:
    return {dict: "an object", list: "a list", str: "text", bool: "true/false", int: "a number", float: "a number",
            type(None): "null"}.get(type(v), type(v).__name__)


def _check_work(w: Any) -> tuple[str, str] | None:
    """(field path, problem) of the first field of a work whose type innovatlas cannot read, else None."""
    if not isinstance(w, dict):
        return "", f"a work must be a JSON object, found {_kind(w)}"

    def bad(path: str, v: Any, ok: tuple, what: str) -> tuple[str, str] | None:
        if v is None or (isinstance(v, ok) and not (isinstance(v, bool) and bool not in ok)):
            return None
        return path, f"expected {what}, found {_kind(v)} {json.dumps(v)[:40]}"

    if not isinstance(w.get("id"), str) or not w["id"].strip():
        return "id", "a work needs its OpenAlex id (text)" if w.get("id") is None else f"expected text, found {_kind(w['id'])}"
    for k, ok, what in (("doi", _STR, "text"), ("title", _STR, "text"), ("display_name", _STR, "text"),
                        ("type", _STR, "text"), ("publication_year", _INT, "a whole number (the year)")):
        if (p := bad(k, w.get(k), ok, what)):
            return p
    y = w.get("publication_year")
    if isinstance(y, int) and not 1000 <= y <= 2100:
        return "publication_year", f"expected a publication year, found {y}"
    oa = w.get("open_access")
    if (p := bad("open_access", oa, (dict,), "an object")):
        return p
    if isinstance(oa, dict) and (p := bad("open_access.is_oa", oa.get("is_oa"), _BOOL, "true or false")):
        return p
    for k in ("concepts", "topics", "authorships"):
        if (p := bad(k, w.get(k), (list,), "a list")):
            return p
    for k in ("concepts", "topics"):
        for j, c in enumerate(w.get(k) or []):
            if (p := bad(f"{k}[{j}]", c, (dict,), "an object")) or (
                    isinstance(c, dict) and (p := bad(f"{k}[{j}].score", c.get("score"), _NUM, "a number"))):
                return p
    for j, a in enumerate(w.get("authorships") or []):
        at = f"authorships[{j}]"
        if (p := bad(at, a, (dict,), "an object")):
            return p
        if not isinstance(a, dict):
            continue
        for k, ok in _AUTH.items():
            if (p := bad(f"{at}.{k}", a.get(k), ok, "text")):
                return p
        if (p := bad(f"{at}.author", a.get("author"), (dict,), "an object")):
            return p
        for k in ("id", "display_name", "orcid"):
            if (p := bad(f"{at}.author.{k}", (a.get("author") or {}).get(k), _STR, "text")):
                return p
        raw = a.get("raw_affiliation_strings")
        if (p := bad(f"{at}.raw_affiliation_strings", raw, (list,), "a list of text")):
            return p
        for r, s in enumerate(raw or []):
            if (p := bad(f"{at}.raw_affiliation_strings[{r}]", s, _STR, "text")):
                return p
        if (p := bad(f"{at}.institutions", a.get("institutions"), (list,), "a list")):
            return p
        for r, inst in enumerate(a.get("institutions") or []):
            if (p := bad(f"{at}.institutions[{r}]", inst, (dict,), "an object")):
                return p
            for k, ok in _INST.items():
                if (p := bad(f"{at}.institutions[{r}].{k}", inst.get(k), ok, "text")):
                    return p
            cc = inst.get("country_code") if isinstance(inst, dict) else None
            if cc is not None and not re.fullmatch(r"[A-Za-z]{2}", cc):
                return f"{at}.institutions[{r}].country_code", f"expected a two-letter country code, found {cc!r}"
    return None


def locate_problem(path: Path, layout: str, display: str, detail: str = "") -> InputError:
    """An :class:`InputError` naming the line or record and the field of the first problem in the file."""
    try:
        with _open(path) as fh:
            raw = fh.read()
    except (OSError, EOFError) as exc:
        return InputError(f"the file is cut off or not a readable gzip file ({exc})", file=display,
                          hint="download the file again; it ends before its end")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        return InputError(f"not UTF-8 text ({exc.reason})", file=display, hint="save the file as UTF-8")
    if layout == "lines":
        for n, line in enumerate(text.split("\n"), start=1):  # not splitlines(): U+2028 may be inside a string
            if not line.strip():
                continue
            try:
                w = json.loads(line)
            except ValueError as exc:
                return InputError(f"malformed JSON ({getattr(exc, 'msg', exc)}, at column {getattr(exc, 'colno', '?')})",
                                  file=display, line=n, hint=HINT + "; a cut-off last line means an interrupted download")
            if (p := _check_work(w)):
                return InputError(p[1], file=display, line=n, field=p[0] or None, hint=HINT)
    else:
        try:
            doc = json.loads(text) if layout == "array" else [json.loads(t) for t in _objects(text)]
        except ValueError as exc:
            return InputError(f"malformed JSON ({getattr(exc, 'msg', exc)})", file=display,
                              line=getattr(exc, "lineno", None), hint=HINT + "; a cut-off file means an interrupted download")
        if layout == "array":
            works = [(f"[{i}]", i + 1, w) for i, w in enumerate(doc)] if isinstance(doc, list) else []
        else:
            works, k = [], 0
            for page in doc:
                res = page.get("results") if isinstance(page, dict) else None
                if not isinstance(res, list):
                    return InputError(f"expected a list of works, found {_kind(res)}", file=display, field="results",
                                      hint=HINT)
                for i, w in enumerate(res):
                    k += 1
                    works.append((f"results[{i}]", k, w))
        for prefix, row, w in works:
            if (p := _check_work(w)):
                return InputError(p[1], file=display, row=row, field=f"{prefix}.{p[0]}".rstrip("."), hint=HINT)
    clean = re.sub(r"\s+", " ", detail.split("\n")[0]).strip()
    return InputError(f"DuckDB cannot read the works: {clean}", file=display, hint=HINT)


def _objects(text: str) -> list[str]:
    """The top-level JSON values of a file holding one or several (pretty-printed or one per line)."""
    dec, i, out = json.JSONDecoder(), 0, []
    n = len(text)
    while True:
        while i < n and text[i] in " \t\r\n\ufeff":
            i += 1
        if i >= n:
            return out
        _obj, j = dec.raw_decode(text, i)
        out.append(text[i:j])
        i = j


def fetch(dest: str | Path, progress: Progress | None = None, **opts) -> list[Path]:
    """Download works from the OpenAlex API (cursor paging, polite pool, back-off, resumable) as JSON Lines."""
    from innovatlas.publications.fetch import fetch_works

    return [fetch_works(dest, progress=progress, **opts)]
