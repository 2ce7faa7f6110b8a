"""CBS regional classification (municipalities, COROP regions, provinces) from CBS/PDOK boundary files.

Reads the files of ``../shared/data/nl-boundaries-cbs`` (or the same files downloaded
with ``innovatlas fetch geo``): the 2015 TopoJSON label layers, which carry the
municipality -> COROP -> province classification, and the GeoJSON municipality layers of
later years (names and codes). Attribution: "Bron: CBS / PDOK" (CC BY 4.0).
"""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import urllib.request
from pathlib import Path
from typing import Iterable

from innovatlas.errors import InputError
from innovatlas.sources import ImportReport, Progress
from innovatlas.sources._common import replace_dataset
from innovatlas.store import Workspace
from innovatlas.store.queries import sources_geo as Q

__all__ = ["import_paths", "fetch", "parse_regions", "parse_shapes", "topojson_features", "FETCH_URLS"]

LICENCE = "CC BY 4.0"
ATTRIBUTION = "Bron: CBS / PDOK"
FETCH_URLS = {
    "gemeente_2023.geojson": "https://cartomap.github.io/nl/wgs84/gemeente_2023.geojson",
    "provincie_2023.geojson": "https://cartomap.github.io/nl/wgs84/provincie_2023.geojson",
    "coropgebied_2023.geojson": "https://cartomap.github.io/nl/wgs84/coropgebied_2023.geojson",
}


def _features(doc: dict, display: str) -> list[dict]:
    """Property dicts of a GeoJSON FeatureCollection or of every object in a TopoJSON file."""
    if doc.get("type") == "FeatureCollection":
        return [f.get("properties") or {} for f in doc.get("features", [])]
    if doc.get("type") == "Topology":
        out = []
        for obj in doc.get("objects", {}).values():
            out += [g.get("properties") or {} for g in obj.get("geometries", [])]
        return out
    raise InputError("not a GeoJSON FeatureCollection or TopoJSON Topology", file=display,
                     hint="use the CBS boundary files (gemeente_YYYY.geojson, *_labels.json)")


def _decode_arcs(topo: dict) -> list[list[list[float]]]:
    """Absolute lon/lat positions of every TopoJSON arc (delta-decoded, then transformed)."""
    tr = topo.get("transform")
    out = []
    for arc in topo.get("arcs", []):
        if tr:
            (sx, sy), (tx, ty) = tr["scale"], tr["translate"]
            x = y = 0
            pts = []
            for dx, dy, *_ in arc:
                x += dx
                y += dy
                pts.append([round(x * sx + tx, 5), round(y * sy + ty, 5)])
        else:
            pts = [list(p[:2]) for p in arc]
        out.append(pts)
    return out


def _ring(indices: list[int], arcs: list[list[list[float]]]) -> list[list[float]]:
    ring: list[list[float]] = []
    for i in indices:
        pts = arcs[i] if i >= 0 else arcs[~i][::-1]
        ring.extend(pts if not ring else pts[1:])
    return ring


def topojson_features(topo: dict) -> list[dict]:
    """GeoJSON features (properties + geometry) of every polygon object in a TopoJSON topology.

    >>> topo = {"type": "Topology", "arcs": [[[0, 0], [1, 0], [0, 1], [-1, 0], [0, -1]]],
    ...         "transform": {"scale": [1, 1], "translate": [0, 0]},
    ...         "objects": {"layer": {"geometries": [{"type": "Polygon", "arcs": [[0]], "properties": {"a": 1}}]}}}
    >>> topojson_features(topo)[0]["geometry"]
    {'type': 'Polygon', 'coordinates': [[[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]]}
    """
    arcs = _decode_arcs(topo)
    out = []
    for obj in topo.get("objects", {}).values():
        for g in obj.get("geometries", []):
            if g.get("type") == "Polygon":
                geom = {"type": "Polygon", "coordinates": [_ring(r, arcs) for r in g["arcs"]]}
            elif g.get("type") == "MultiPolygon":
                geom = {"type": "MultiPolygon", "coordinates": [[_ring(r, arcs) for r in poly] for poly in g["arcs"]]}
            else:
                continue
            out.append({"type": "Feature", "properties": g.get("properties") or {}, "geometry": geom})
    return out


def parse_shapes(doc: dict, year_hint: int | None = None) -> list[tuple]:
    """Rows (level, code, name, year, geometry JSON) of the polygon features of a boundary file."""
    if doc.get("type") == "Topology":
        feats = topojson_features(doc)
    elif doc.get("type") == "FeatureCollection":
        feats = [f for f in doc.get("features", []) if (f.get("geometry") or {}).get("type") in ("Polygon", "MultiPolygon")]
    else:
        return []
    rows = []
    for f in feats:
        p = f.get("properties") or {}
        code, name = p.get("statcode"), p.get("statnaam") or p.get("name")
        level = {"GM": "municipality", "CR": "corop", "PV": "province"}.get((code or "")[:2])
        if level and name:
            year = year_hint
            if p.get("jrstatcode"):
                m = re.match(r"(\d{4})", str(p["jrstatcode"]))
                year = int(m.group(1)) if m else year
            rows.append((level, code, name, year, json.dumps(f["geometry"], separators=(",", ":"))))
    return rows


def parse_regions(doc: dict, display: str, year_hint: int | None = None) -> list[tuple]:
    """Rows (level, code, name, corop_code, province_code, year) from one boundary document."""
    rows = []
    for i, p in enumerate(_features(doc, display), start=1):
        code = p.get("statcode")
        name = p.get("statnaam") or p.get("name")
        if not code or not name:
            raise InputError("a feature has no 'statcode' or name", file=display, row=i, field="statcode",
                             hint="use the CBS boundary files, whose features carry statcode and statnaam")
        year = year_hint
        if p.get("jrstatcode"):
            m = re.match(r"(\d{4})", str(p["jrstatcode"]))
            year = int(m.group(1)) if m else year
        level = {"GM": "municipality", "CR": "corop", "PV": "province"}.get(code[:2])
        if level is None:
            continue
        rows.append((level, code, name, p.get("corop_gebied"), p.get("provincie") if level != "province" else code, year))
    return rows


def _no_constant(name: str):
    """NaN and Infinity are not JSON: a coordinate or value written so is refused."""
    raise json.JSONDecodeError(f"{name} is not a number JSON allows", name, 0)


def import_paths(ws: Workspace, paths: Iterable[str | Path], progress: Progress | None = None, **_opts) -> ImportReport:
    progress = progress or (lambda _m: None)
    files: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            files += sorted(f for f in p.iterdir() if f.suffix in {".json", ".geojson"})
        elif p.exists():
            files.append(p)
        else:
            raise InputError("no such file or directory", file=str(p))
    if not files:
        raise InputError("no .json or .geojson boundary files found", file=", ".join(map(str, paths)))
    rows: list[tuple] = []
    shapes: list[tuple] = []
    digest = hashlib.sha256()
    for f in files:
        progress(f"reading {f}")
        data = f.read_bytes()
        digest.update(data)
        try:
            doc = json.loads(data.decode("utf-8-sig"), parse_constant=_no_constant)
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise InputError(f"not valid JSON: {exc}", file=str(f), hint="download the file again") from None
        except RecursionError:
            raise InputError("the JSON is nested too deeply to be a boundary file", file=str(f),
                             hint="use the CBS boundary files (gemeente_YYYY.geojson, *_labels.json)") from None
        if not isinstance(doc, dict):
            raise InputError(f"the file holds a JSON {type(doc).__name__}, not a GeoJSON FeatureCollection or TopoJSON "
                             "Topology", file=str(f), hint="use the CBS boundary files (gemeente_YYYY.geojson, *_labels.json)")
        m = re.search(r"(20\d\d)", f.name)
        try:
            rows += parse_regions(doc, str(f), int(m.group(1)) if m else None)
            shapes += parse_shapes(doc, int(m.group(1)) if m else None)
        except (AttributeError, TypeError, KeyError, IndexError, ValueError, RecursionError) as exc:
            if isinstance(exc, InputError):
                raise
            raise InputError(f"the file is not laid out as a CBS boundary file ({type(exc).__name__}: {str(exc)[:120]})",
                             file=str(f), hint="use the CBS boundary files (gemeente_YYYY.geojson, *_labels.json), as published") from None
    rows = sorted(set(rows), key=lambda r: (r[0], r[1], r[5] or 0))
    if not rows:
        raise InputError("no municipalities, COROP regions or provinces in the file(s) (no feature with a GM, CR or PV "
                         "statcode)", file=", ".join(str(f) for f in files),
                         hint="use the CBS boundary files (gemeente_YYYY.geojson, *_labels.json)")
    report = ImportReport()
    with ws.transaction():
        batch = replace_dataset(ws, source="cbs", dataset="cbs:regions", path=files[0],
                                display=", ".join(str(f) for f in files), rows=len(rows), licence=LICENCE,
                                attribution=ATTRIBUTION, sha=digest.hexdigest())
        if batch is None:
            report.unchanged.append("cbs:regions")
            return report
        cols = [list(c) for c in zip(*rows)]
        ws.execute(Q.INSERT_REGIONS, cols + [batch])
        shapes = sorted({(s[0], s[1], s[3]): s for s in shapes}.values(), key=lambda s: (s[0], s[1], s[3] or 0))
        if shapes:
            cols = [list(c) for c in zip(*shapes)]
            ws.execute(Q.INSERT_SHAPES, cols + [batch])
        from innovatlas.organisations import locate_organisations

        locate_organisations(ws)
    report.loaded["cbs:regions"] = len(rows)
    report.notes.append(f"cbs:regions: {len(shapes):,} boundary shapes stored for maps")
    return report


def fetch(dest: str | Path, progress: Progress | None = None, **_opts) -> list[Path]:
    dest = Path(dest)
    dest.mkdir(parents=True, exist_ok=True)
    out = []
    for name, url in FETCH_URLS.items():
        (progress or (lambda _m: None))(f"downloading {url}")
        try:
            with urllib.request.urlopen(url, timeout=60) as resp, open(dest / name, "wb") as fh:
                shutil.copyfileobj(resp, fh)
        except OSError as exc:
            raise InputError(f"download failed: {exc}", file=url, hint="check your internet connection") from None
        out.append(dest / name)
    return out
