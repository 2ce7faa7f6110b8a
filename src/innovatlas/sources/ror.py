"""Research Organization Registry (ROR) records of Dutch organisations, used as a gazetteer.

From each record we keep the place name (city), the GeoNames municipality (admin2) and
the NUTS-3 region; :mod:`innovatlas.organisations` uses them to place CORDIS
organisations whose city is a village or district rather than a municipality. The file
is the ROR API v1 export with Python-repr nested columns (``../shared/data/ror-nl-organisations-2022``).
ROR data: CC0 1.0; GeoNames: CC BY 3.0.
"""

from __future__ import annotations

import ast
import csv
import gzip
import io
import zlib
from pathlib import Path
from typing import Iterable

from innovatlas.errors import InputError
from innovatlas.sources import ImportReport, Progress
from innovatlas.sources._common import replace_dataset
from innovatlas.store import Workspace
from innovatlas.store.load import sha256_of
from innovatlas.store.queries import sources_ror as Q

__all__ = ["import_paths", "parse_places", "fetch"]

LICENCE = "CC0 1.0 (ROR); CC BY 3.0 (GeoNames)"
ATTRIBUTION = "Research Organization Registry; GeoNames"


def parse_places(lines: Iterable[str], display: str) -> list[tuple[str, str, str | None, str | None]]:
    """(place, municipality, nuts3 code, nuts3 name) for every address in a ROR v1 CSV export."""
    reader = csv.DictReader(lines)
    if not reader.fieldnames or "addresses" not in reader.fieldnames:
        raise InputError("missing column 'addresses'", file=display, line=1, field="addresses",
                         hint="use the ROR v1 CSV export (name, types, country, aliases, addresses, ...)")
    out = []
    for i, row in enumerate(reader, start=1):
        try:
            addresses = ast.literal_eval(row["addresses"] or "[]")
        except (ValueError, SyntaxError):
            raise InputError("cannot read the addresses value", file=display, row=i, field="addresses",
                             hint="the field must be the list of address records as exported") from None
        for a in addresses:
            geo = a.get("geonames_city") or {}
            admin2 = (geo.get("geonames_admin2") or {}).get("name")
            city = a.get("city") or geo.get("city")
            if not city or not admin2:
                continue
            muni = admin2.removeprefix("Gemeente ").strip()
            nuts3 = geo.get("nuts_level3") or {}
            out.append((city, muni, nuts3.get("code"), nuts3.get("name")))
    return out


#: The largest ROR file innovatlas reads (uncompressed). The Dutch records are about 2 MB; the whole ROR dump
#: is larger than this: filter it to the Dutch records first. Read in 1 MiB chunks, never more than this.
MAX_BYTES = 64 * 2 ** 20


def _read_text(path: Path) -> str:
    """The file's text, decompressed in chunks and refused past :data:`MAX_BYTES`."""
    chunks, size = [], 0
    try:
        with (gzip.open(path, "rb") if path.suffix == ".gz" else open(path, "rb")) as fh:
            while chunk := fh.read(1 << 20):
                size += len(chunk)
                if size > MAX_BYTES:
                    raise InputError(f"the file is larger than {MAX_BYTES // 2 ** 20} MiB uncompressed", file=str(path),
                                     hint="innovatlas reads the Dutch ROR records (about 2 MB); filter the ROR dump to "
                                          "country code NL first")
                chunks.append(chunk)
    except (OSError, EOFError, zlib.error) as exc:
        raise InputError(f"cannot read the file: {exc}", file=str(path),
                         hint="check that the file exists and is not a damaged archive") from None
    try:
        return b"".join(chunks).decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(f"not UTF-8 text ({exc.reason})", file=str(path), hint="save the file as UTF-8") from None


def import_paths(ws: Workspace, paths: Iterable[str | Path], progress: Progress | None = None, **_opts) -> ImportReport:
    report = ImportReport()
    for path in map(Path, paths):
        if not path.exists():
            raise InputError("no such file", file=str(path))
        (progress or (lambda _m: None))(f"reading {path}")
        text = _read_text(path)
        from innovatlas.registry import ror_records as _records  # full records for the registry (issue 14)

        try:  # parse first: bad input writes nothing
            recs = _records.parse_records(text, path, str(path))
            places = [] if recs.schema == "v2" else sorted(set(parse_places(io.StringIO(text), str(path))),
                                                           key=lambda p: tuple(x or "" for x in p))
        except csv.Error as exc:
            raise InputError(f"cannot read the file as CSV ({exc})", file=str(path),
                             hint="use the ROR CSV export as published (fields of at most 131,072 characters)") from None
        except (AttributeError, TypeError, KeyError, IndexError, ValueError, RecursionError) as exc:
            if isinstance(exc, InputError):
                raise
            raise InputError(f"the file is not laid out as a ROR export ({type(exc).__name__}: {str(exc)[:120]})",
                             file=str(path), hint="use the ROR v1 CSV export or ROR schema v2 JSON records, as published") from None
        del text
        if recs.schema == "v1" and not recs.records and not recs.skipped and not places:
            raise InputError("the file has a header but no data rows", file=str(path), row=1,
                             hint="download the file again; an export that stopped early leaves only the header")
        if recs.schema == "v2":  # ROR schema v2 JSON: records only (no GeoNames municipality for the gazetteer)
            with ws.transaction():
                _records.import_parsed(ws, recs, path, report)
            continue
        with ws.transaction():
            changed = _records.import_parsed(ws, recs, path, report, build=False)
            batch = replace_dataset(ws, source="ror", dataset="ror:places", path=path, display=str(path),
                                    rows=len(places), licence=LICENCE, attribution=ATTRIBUTION, sha=sha256_of(path))
            if batch is None:
                report.unchanged.append("ror:places")
                if changed:
                    _records.rebuild_registry(ws)
                continue
            if places:
                ws.con.executemany(Q.INSERT_PLACE.sql, [p + (batch,) for p in places])
            from innovatlas.organisations import locate_organisations

            locate_organisations(ws)
            _records.rebuild_registry(ws)  # the registry after the placement it uses as evidence
        report.loaded["ror:places"] = len(places)
    return report


def fetch(dest: str | Path, progress: Progress | None = None, **_opts) -> list[Path]:
    raise InputError("ROR publishes its full data dump on Zenodo; download it there and filter Dutch records",
                     hint="then run 'innovatlas import ror FILE'")
