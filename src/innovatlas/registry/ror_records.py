"""ROR records imported in full: names, aliases, acronyms, types, location, external ids, relationships.

Two layouts:

* the ROR API v1 CSV export with Python-repr nested columns (``ror-nl-organisations-2022``):
  name, types, country, aliases, addresses, email_address, ror_id (v1 exports of this kind carry no
  acronyms, labels, links, external ids or relationships);
* ROR schema v2 JSON: a list of records, one record, a ROR API response (``items``) or an
  Elasticsearch response (``hits.hits[]._source``), e.g. ``ror_v2_records_sample_es_response.json``.

Parsing never writes: a malformed file raises :class:`InputError` naming file, row and field
before anything is stored.
"""

from __future__ import annotations

import ast
import csv
import io
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from innovatlas.errors import InputError
from innovatlas.model.registry import ROR_TYPES
from innovatlas.store.queries import registry as Q

__all__ = ["RorRecords", "parse_v1_csv", "parse_v2_json", "store_records", "ROR_TABLES"]

ROR_TABLES = ("ror_record", "ror_name", "ror_external_id", "ror_relationship")


@dataclass
class RorRecords:
    schema: str
    records: list[tuple] = field(default_factory=list)     # ror_record columns without batch_id/source_row
    names: list[tuple] = field(default_factory=list)       # (ror_id, name, kind, lang)
    external: list[tuple] = field(default_factory=list)    # (ror_id, scheme, value, preferred)
    relations: list[tuple] = field(default_factory=list)   # (ror_id, rel_type, related_id, label)
    skipped: list[int] = field(default_factory=list)       # v1 rows without a valid ROR id or name
    notes: list[str] = field(default_factory=list)


_ROR_ID = re.compile(r"^0[a-hj-km-np-tv-z0-9]{6}[0-9]{2}$")


def _bare(ror: str | None) -> str:
    return (ror or "").strip().rsplit("/", 1)[-1]


def is_ror_id(value: str) -> bool:
    """A bare ROR id: '0', six characters of Crockford base32, two check digits.

    >>> is_ror_id("02e2c7k09"), is_ror_id("not-a-ror")
    (True, False)
    """
    return bool(_ROR_ID.match(value or ""))


def parse_v1_csv(text: str, display: str) -> RorRecords:
    reader = csv.DictReader(io.StringIO(text))
    need = {"name", "types", "aliases", "addresses", "ror_id"}
    missing = sorted(need - set(reader.fieldnames or []))
    out = RorRecords("v1")
    if missing:  # still usable as a gazetteer of place names (sources/ror.py), not as registry records
        if "addresses" not in (reader.fieldnames or []):
            raise InputError("missing column 'addresses'", file=display, line=1, field="addresses",
                             hint="use the ROR v1 CSV export (name, types, country, aliases, addresses, ror_id)")
        out.notes.append(f"{display}: no column '{missing[0]}', so its rows are used as place names only, "
                         "not as organisation records")
        return out
    for i, row in enumerate(reader, start=1):
        ror = _bare(row.get("ror_id"))
        if not is_ror_id(ror) or not (row.get("name") or "").strip():
            out.skipped.append(i)   # a place name without a usable record: the gazetteer keeps it
            continue
        vals = {}
        for col in ("types", "aliases", "addresses", "country"):
            try:
                vals[col] = ast.literal_eval(row.get(col) or ("{}" if col == "country" else "[]"))
            except (ValueError, SyntaxError):
                raise InputError(f"cannot read the {col} value", file=display, row=i, field=col,
                                 hint="the field must be the value as exported by ROR (a Python-style list or record)") from None
        addr = (vals["addresses"] or [{}])[0] or {}
        geo = addr.get("geonames_city") or {}
        admin2 = ((geo.get("geonames_admin2") or {}).get("name") or "").removeprefix("Gemeente ").strip() or None
        country = vals["country"] if isinstance(vals["country"], dict) else {}
        types = "|".join(ROR_TYPES.get(t, str(t).lower()) for t in vals["types"] or [])
        out.records.append((ror, row["name"].strip(), types or None, country.get("country_code"),
                            addr.get("city") or geo.get("city"), admin2, (geo.get("nuts_level3") or {}).get("code"),
                            _coordinate(addr.get("lat"), 90, display, i, "lat"), _coordinate(addr.get("lng"), 180, display, i, "lng"),
                            geo.get("id"), None, None, "active", "v1"))
        out.names.append((ror, row["name"].strip(), "ror_display", None))
        out.names += [(ror, a.strip(), "alias", None) for a in vals["aliases"] or [] if str(a).strip()]
    return out


def _v2_items(doc, display: str) -> list[dict]:
    if isinstance(doc, dict) and "hits" in doc:
        return [h.get("_source", {}) for h in (doc["hits"] or {}).get("hits", [])]
    if isinstance(doc, dict) and "items" in doc:
        return list(doc["items"])
    if isinstance(doc, dict) and "id" in doc:
        return [doc]
    if isinstance(doc, list):
        return doc
    raise InputError("this JSON file holds no ROR records", file=display,
                     hint="give ROR schema v2 records: a list, one record, or an API/search response")


def _no_constant(name: str):
    raise json.JSONDecodeError(f"{name} is not a number JSON allows", name, 0)


def _coordinate(value, limit: float, display: str, row: int, field: str):
    """A latitude or longitude: a finite number within +-``limit``, or missing."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not -limit <= value <= limit:
        raise InputError(f"'{value}' is not a {field} (a number from {-limit:g} to {limit:g})", file=display, row=row,
                         field=field, hint="give coordinates in degrees (WGS 84), as ROR exports them")
    return float(value)


def parse_v2_json(text: str, display: str) -> RorRecords:
    try:
        doc = json.loads(text, parse_constant=_no_constant)
    except json.JSONDecodeError as exc:
        raise InputError(f"not valid JSON ({exc.msg})", file=display, line=exc.lineno) from None
    out = RorRecords("v2")
    for i, rec in enumerate(_v2_items(doc, display), start=1):
        if not isinstance(rec, dict):
            raise InputError("a record is not a JSON object", file=display, row=i)
        ror = _bare(rec.get("id"))
        if not is_ror_id(ror):
            raise InputError(f"'{rec.get('id')}' is not a ROR id", file=display, row=i, field="id",
                             hint="each record needs its ROR id, e.g. https://ror.org/02e2c7k09")
        names = rec.get("names") or []
        display_name = next((n.get("value") for n in names if "ror_display" in (n.get("types") or [])), None) \
            or rec.get("name") or next((n.get("value") for n in names), None)
        if not display_name:
            raise InputError("the organisation has no name", file=display, row=i, field="names")
        loc = (rec.get("locations") or [{}])[0] or {}
        gd = loc.get("geonames_details") or {}
        site = next((lk.get("value") for lk in rec.get("links") or [] if lk.get("type") == "website"), None)
        out.records.append((ror, display_name, "|".join(rec.get("types") or []) or None, gd.get("country_code"),
                            gd.get("name"), None, None, _coordinate(gd.get("lat"), 90, display, i, "lat"),
                            _coordinate(gd.get("lng"), 180, display, i, "lng"), loc.get("geonames_id"),
                            site, rec.get("established"), rec.get("status"), "v2"))
        for n in names:
            kinds = [k for k in n.get("types") or ["label"] if k != "ror_display"] or ["ror_display"]
            if "ror_display" in (n.get("types") or []):
                kinds = ["ror_display"]
            out.names.append((ror, n.get("value"), kinds[0], n.get("lang")))
        for e in rec.get("external_ids") or []:
            out.external += [(ror, e.get("type"), str(v), v == e.get("preferred")) for v in e.get("all") or []]
        out.relations += [(ror, r.get("type"), _bare(r.get("id")), r.get("label")) for r in rec.get("relationships") or []]
    return out


def parse_records(text: str, path: Path, display: str) -> RorRecords:
    name = path.name.lower()
    if name.endswith(".json") or name.endswith(".json.gz"):
        return parse_v2_json(text, display)
    return parse_v1_csv(text, display)


def _insert(ws, table: str, rows: list[tuple], types: list[str]) -> None:
    """Insert rows column-wise in one statement (DuckDB's executemany is slow for thousands of rows)."""
    if not rows:
        return
    cols = list(zip(*rows))
    ws.execute(Q.insert_columns(table, types, [list(c) for c in cols]))


def store_records(ws, recs: RorRecords, batch: int) -> None:
    """Insert parsed records under ``batch`` (call inside the import transaction)."""
    _insert(ws, "ror_record", [r + (batch, i) for i, r in enumerate(recs.records, start=1)],
            ["VARCHAR"] * 7 + ["DOUBLE", "DOUBLE", "BIGINT", "VARCHAR", "INTEGER", "VARCHAR", "VARCHAR", "INTEGER", "BIGINT"])
    _insert(ws, "ror_name", [n + (batch,) for n in recs.names if n[1]], ["VARCHAR"] * 4 + ["INTEGER"])
    _insert(ws, "ror_external_id", [e + (batch,) for e in recs.external], ["VARCHAR"] * 3 + ["BOOLEAN", "INTEGER"])
    _insert(ws, "ror_relationship", [r + (batch,) for r in recs.relations], ["VARCHAR"] * 4 + ["INTEGER"])


def drop_orphans(ws) -> None:
    """Remove ROR rows whose import batch was replaced."""
    for t in ROR_TABLES:
        ws.execute(Q.drop_orphans(t))


def rebuild_registry(ws) -> None:
    from innovatlas.registry import build_registry

    build_registry(ws)


def import_parsed(ws, recs: RorRecords, path: Path, report, *, build: bool = True) -> bool:
    """Replace the ``ror:records:<schema>`` dataset with ``recs`` (in the caller's transaction); True when it changed.

    With ``build`` the registry is rebuilt at once."""
    from innovatlas.sources._common import replace_dataset
    from innovatlas.sources.ror import ATTRIBUTION, LICENCE

    dataset = f"ror:records:{recs.schema}"
    report.notes += recs.notes
    if recs.skipped:
        first = ", ".join(map(str, recs.skipped[:5])) + (", ..." if len(recs.skipped) > 5 else "")
        report.notes.append(f"{path}: {len(recs.skipped):,} row(s) without a valid ROR id or name (rows {first}) "
                            "are used as place names only, not as organisation records")
    if not recs.records:
        return False
    batch = replace_dataset(ws, source="ror", dataset=dataset, path=path, display=str(path), rows=len(recs.records),
                            licence=LICENCE, attribution=ATTRIBUTION)
    if batch is None:
        report.unchanged.append(dataset)
        return False
    drop_orphans(ws)
    store_records(ws, recs, batch)
    report.loaded[dataset] = len(recs.records)
    if build:
        rebuild_registry(ws)
    return True
