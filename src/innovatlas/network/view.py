"""Level of detail for the WebGL network view: the whole EU-wide network in the browser (issue 11, item 5).

The existing network API (:func:`innovatlas.explore.network_data`) sends every node and edge
as JSON and lays the filtered network out on each request; that suits an ecosystem of a few
thousand organisations. The ecosystem of every H2020 participant has 35,871 organisations and
796,670 links: as JSON with a layout per request it would take tens of seconds, and a browser
drawing 800,000 lines in a software WebGL stalls. This view therefore

* **precomputes the positions once** per workspace state and ecosystem (:func:`layout`: a
  Fruchterman-Reingold layout of the whole all-years network, igraph's grid variant,
  :data:`LAYOUT_ITERATIONS` iterations; the other components and the organisations without
  links on a ring around it, as the existing view does). The analysis stores positions for
  the :data:`~innovatlas.network.LAYOUT_NODES` best-connected nodes only (the report's
  picture), so the view computes its own and keeps them in memory. Filters hide
  organisations; they never move the others, and loading more links moves nothing;
* **thins the links by weight** (joint projects): it sends every organisation but only the
  links of at least ``min_weight`` joint projects, the smallest weight at which no more than
  ``max_links`` (default :data:`VIEW_LINKS`) links are shown, and says so on the page
  ("showing the 35,137 strongest of 796,670 links: at least 4 joint projects each"). Whole
  weight classes are kept or left out, so the threshold is exact and never splits equally
  strong links arbitrarily. The page loads the next weight class on request
  (:func:`view_links`), down to every link;
* sends a **compact binary, columnar payload** (:func:`encode`, read back by
  :func:`decode` and by ``web/static/network.js``), gzip-compressed once and cached, with an
  ETag so a reload is a 304.

Payload format (little-endian): the 4 bytes ``IAN1``, a uint32 header length, the header
(UTF-8 JSON, padded with spaces to a multiple of 8 bytes), then the sections the header
lists under ``sections`` (``name``, ``dtype`` one of f64 f32 u32 i32 u16 u8, ``length``),
each padded with zero bytes to a multiple of 8. Nodes (sorted by PIC): ``id`` (u32, or f64
if an id does not fit, the PIC), ``x``, ``y`` (f32), ``degree`` (u32, links in the filtered network, before thinning),
``community`` (i32, -1 = not in the data), ``betweenness`` (f32, NaN = not in the data),
``type`` (u8 index into the header's ``types``, 255 = not in the data); the header holds the
``labels``. Links (strongest first): ``source``, ``target`` (u32 node indices), ``weight``
(u16 or u32 joint projects).

Disclosure: the view shows what the existing network API shows (organisations of public
CORDIS data and their joint-project counts), with the same checks on the request.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import random
import struct
import threading
from typing import Any, Mapping

import igraph as ig
import numpy as np

from innovatlas.store import Workspace
from innovatlas.store.queries import network_view as Q

__all__ = ["VIEW_LINKS", "VIEW_MIN_MEMBERS", "LAYOUT_ITERATIONS", "MAX_LINKS", "layout", "network_view", "view_links",
           "encode", "decode", "respond", "warm", "TYPES"]

#: Links shown at first: the smallest joint-project threshold at which at most this many links are drawn.
VIEW_LINKS = 50_000
#: Upper limit of ``max_links`` (the whole EU-wide network has 796,670 links).
MAX_LINKS = 5_000_000
#: The page opens ecosystems with more members than this in the level-of-detail view (the template
#: ``web/templates/network.html`` holds the same number; a test checks it); smaller ones keep the
#: existing view, which lays out each filtered network.
VIEW_MIN_MEMBERS = 10_000
#: Fruchterman-Reingold iterations of the view's layout. On the 31,152-node core of the EU-wide
#: network (796,231 links, one core of an idle 2-core machine) the whole layout takes 1.1 s with
#: 30 iterations and 1.4 s with 50 (the FR part 0.45 s and 0.8 s; building the igraph graph
#: 0.4 s); the pictures are alike (both a dense core with the communities side by side), so the
#: first visitor gets the cheaper one.
LAYOUT_ITERATIONS = 30
#: CORDIS activity types in the order of the payload's ``type`` codes.
TYPES = ("HES", "REC", "PRC", "PUB", "OTH")
MAGIC = b"IAN1"
_DTYPES = {"f64": "<f8", "f32": "<f4", "u32": "<u4", "i32": "<i4", "u16": "<u2", "u8": "u1"}

_CACHE: dict[tuple, Any] = {}
_CACHE_SIZE = 24
_LOCKS: dict[tuple, threading.Lock] = {}
_GUARD = threading.Lock()


def _cached(key: tuple, make):
    """``make()`` once per key, also when requests for it arrive at the same time (threaded server)."""
    if key in _CACHE:
        return _CACHE[key]
    with _GUARD:
        lock = _LOCKS.setdefault(key, threading.Lock())
    with lock:
        if key not in _CACHE:
            value = make()
            with _GUARD:
                while len(_CACHE) >= _CACHE_SIZE:
                    old = next(iter(_CACHE))
                    _CACHE.pop(old)
                    _LOCKS.pop(old, None)
                _CACHE[key] = value
        return _CACHE[key]


# -- positions -------------------------------------------------------------------------------------------------------
def layout(n: int, a: np.ndarray, b: np.ndarray, w: np.ndarray, iterations: int = LAYOUT_ITERATIONS) -> np.ndarray:
    """Positions (``n`` x 2) of a network given as node indices ``a``, ``b`` and weights ``w``.

    The largest component gets a weighted Fruchterman-Reingold layout (igraph; the grid
    variant above 3,000 nodes), seeded with :data:`innovatlas.network.SEED`; the few nodes
    that a short run leaves far out (beyond the 99.5th percentile of the distances from the
    centre) are pulled onto a thin rim so that they do not shrink the rest of the picture.
    The other components and the nodes without links go on a ring around it, each
    component's members side by side (as :func:`innovatlas.explore.network_data` draws them).
    """
    from innovatlas.network import SEED

    xy = np.zeros((n, 2))
    if not n:
        return xy
    a, b, w = np.asarray(a, dtype=np.int64), np.asarray(b, dtype=np.int64), np.asarray(w, dtype=float)
    labels = _components(n, a, b)
    giant = int(np.argmax(np.bincount(labels)))
    core = np.flatnonzero(labels == giant)
    radius = 1.0
    if len(core) > 1:
        index = np.full(n, -1, dtype=np.int64)
        index[core] = np.arange(len(core))
        keep = labels[a] == giant
        # python-igraph 1.0 reads a list of pairs much faster than a numpy array (0.5 s vs 3 s for 796,231 links)
        g = ig.Graph(n=len(core), edges=list(zip(index[a[keep]].tolist(), index[b[keep]].tolist())))
        random.seed(SEED)
        pos = np.asarray(g.layout_fruchterman_reingold(niter=iterations, grid=len(core) > 3000,
                                                       weights=w[keep].tolist()).coords, dtype=float).reshape(-1, 2)
        pos -= np.median(pos, axis=0)
        dist = np.hypot(pos[:, 0], pos[:, 1])
        rim = float(np.quantile(dist, 0.995)) if len(core) > 200 else float(dist.max())
        far = dist > rim
        if far.any() and rim > 0:  # (rim, inf) -> (rim, 1.05 rim), order kept
            pos[far] *= (rim * (1.05 - 0.05 * rim / dist[far]) / dist[far])[:, None]
        xy[core] = pos
        radius = float(np.hypot(pos[:, 0], pos[:, 1]).max()) * 1.08 or 1.0
    rest = np.flatnonzero(labels != giant)
    if len(rest):
        rest = rest[np.argsort(labels[rest], kind="stable")]
        angle = np.linspace(0, 2 * np.pi, len(rest), endpoint=False)
        xy[rest] = np.c_[np.cos(angle), np.sin(angle)] * radius
    return xy


def _components(n: int, a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Connected components: each node labelled with the smallest node index of its component.

    Minimum-label propagation over the links with pointer jumping, vectorised (26 ms for the
    EU-wide network, without importing scipy on the first request)."""
    labels = np.arange(n)
    while True:
        new = labels.copy()
        np.minimum.at(new, a, labels[b])
        np.minimum.at(new, b, labels[a])
        new = new[new]
        if np.array_equal(new, labels):
            return labels
        labels = new


def _base(ws: Workspace, eco_id: str, stamp: str) -> dict[str, Any]:
    """Every member with its attributes and its position in the whole network (cached per workspace state)."""

    def make() -> dict[str, Any]:
        nodes = ws.execute(Q.NODES(eco_id)).fetchnumpy()
        edges = ws.execute(Q.EDGES(eco_id)).fetchnumpy()
        pics = np.asarray(nodes["pic"], dtype=np.int64)
        a = np.searchsorted(pics, np.asarray(edges["a"], dtype=np.int64))
        b = np.searchsorted(pics, np.asarray(edges["b"], dtype=np.int64))
        w = np.asarray(edges["w"], dtype=np.int64)
        xy = layout(len(pics), a, b, w)
        kind = np.ma.filled(np.ma.asarray(nodes["activity_type"]).astype(object), None)
        code = np.full(len(pics), 255, dtype=np.uint8)  # 255: not in the data
        for i, t in enumerate(TYPES):
            code[kind == t] = i
        return {"pics": pics, "a": a, "b": b, "w": w, "type": code,
                "labels": np.ma.filled(np.ma.asarray(nodes["label"]).astype(object), "").tolist(),
                "community": np.ma.filled(np.ma.asarray(nodes["community"]).astype(np.int64), -1).astype(np.int32),
                "betweenness": np.ma.filled(np.ma.asarray(nodes["betweenness"]).astype(float), np.nan).astype(np.float32),
                "x": xy[:, 0].astype(np.float32), "y": xy[:, 1].astype(np.float32)}

    return _cached(("base", ws.path, stamp, eco_id), make)


# -- the filtered network, thinned -----------------------------------------------------------------------------------
def _checked(ws: Workspace, eco_id: str, year_from, year_to, activity_types, programme=None) -> tuple[str, tuple]:
    """The existing network API's checks (ecosystem known, activity types, year order, programme); the state
    stamp and filters ``(year_from, year_to, types, programme)`` (programme None: all programmes)."""
    from innovatlas.analysis import _require
    from innovatlas.explore import ACTIVITY, BadParameter

    _require(ws, eco_id)
    types = tuple(sorted({t.upper() for t in (activity_types or [])}))
    if any(t not in ACTIVITY for t in types):
        raise BadParameter(f"activity types must be among {', '.join(ACTIVITY)}")
    if year_from is not None and year_to is not None and year_from > year_to:
        raise BadParameter("year_from must not be after year_to")
    if len(types) == len(ACTIVITY):
        types = ()
    from innovatlas.programmes import programme_code

    fw = programme_code(programme) if programme else "all"
    return ws.stamp(), (year_from, year_to, types, None if fw == "all" else fw)


def _filtered(ws: Workspace, eco_id: str, stamp: str, flt: tuple) -> dict[str, Any]:
    """Nodes (indices into the base) and every link of the filtered network, strongest first (cached)."""

    def make() -> dict[str, Any]:
        base = _base(ws, eco_id, stamp)
        year_from, year_to, types, fw = flt
        pics = base["pics"]
        if flt == (None, None, (), None):  # the whole network: the stored edge list the positions were computed from
            keep, a, b, w = np.arange(len(pics)), base["a"], base["b"], base["w"]
        else:
            sel = np.asarray(ws.execute(Q.node_pics(eco_id, year_from, year_to, list(types), fw)).fetchnumpy()["pic"],
                             dtype=np.int64)
            keep = np.flatnonzero(np.isin(pics, sel))
            edges = ws.execute(Q.edges(eco_id, year_from, year_to, list(types), fw)).fetchnumpy()
            vpics = pics[keep]
            a = np.searchsorted(vpics, np.asarray(edges["a"], dtype=np.int64))
            b = np.searchsorted(vpics, np.asarray(edges["b"], dtype=np.int64))
            w = np.asarray(edges["w"], dtype=np.int64)
        m = max(len(keep), 1)  # strongest first, then by node: the same order every time (one int64 key)
        order = np.argsort((w.max(initial=0) - w) * m * m + a * m + b, kind="stable")
        a, b, w = a[order].astype(np.uint32), b[order].astype(np.uint32), w[order]
        degree = np.bincount(np.r_[a, b].astype(np.int64), minlength=len(keep)).astype(np.uint32)
        weights, counts = np.unique(w, return_counts=True)
        weights, counts = weights[::-1], np.cumsum(counts[::-1])  # links with at least each weight
        return {"keep": keep, "a": a, "b": b, "w": w, "degree": degree,
                "levels": [[int(x), int(c)] for x, c in zip(weights, counts)]}

    return _cached(("filtered", ws.path, stamp, eco_id, flt), make)


def _threshold(levels: list[list[int]], max_links: int) -> tuple[int | None, int]:
    """The smallest weight at which at most ``max_links`` links are shown (whole weight classes), and that count.

    The strongest class is always shown, even when it alone holds more than ``max_links``.
    """
    if not levels:
        return None, 0
    fit = [lv for lv in levels if lv[1] <= max_links]
    weight, count = fit[-1] if fit else levels[0]
    return weight, count


def network_view(ws: Workspace, eco_id: str, *, year_from: int | None = None, year_to: int | None = None,
                 activity_types: list[str] | None = None, max_links: int = VIEW_LINKS,
                 programme: str | None = None) -> tuple[dict, list]:
    """The view of an ecosystem's network: the header and the sections (every node, the strongest links).

    Returns ``(header, sections)`` as :func:`encode` takes them; the header says what is
    shown: ``nodes``, ``links_total``, ``links_shown``, ``min_weight`` (joint projects), the
    ``levels`` ([weight, links with at least that weight], strongest first) and the filters.
    """
    from innovatlas.network import broker_method

    if not 1 <= int(max_links) <= MAX_LINKS:
        from innovatlas.explore import BadParameter

        raise BadParameter(f"max_links must be between 1 and {MAX_LINKS:,}")
    stamp, flt = _checked(ws, eco_id, year_from, year_to, activity_types, programme)
    base, view = _base(ws, eco_id, stamp), _filtered(ws, eco_id, stamp, flt)
    min_weight, shown = _threshold(view["levels"], int(max_links))
    keep = view["keep"]
    header = {"format": "innovatlas network view 1", "ecosystem": eco_id,
              "filters": {"year_from": flt[0], "year_to": flt[1], "activity_types": list(flt[2]), "partners": False,
                          "programme": flt[3] or "all"},
              "nodes": int(len(keep)), "links_total": int(len(view["w"])), "links_shown": int(shown),
              "min_weight": min_weight, "max_links": int(max_links), "levels": view["levels"],
              "weight": "joint projects", "betweenness": broker_method(ws, eco_id), "types": list(TYPES),
              "layout": f"Fruchterman-Reingold (igraph, {LAYOUT_ITERATIONS} iterations) of the whole all-years network",
              "labels": [base["labels"][i] for i in keep.tolist()]}
    ids = base["pics"][keep]  # PICs are nine digits: u32 unless a workspace holds larger ids
    sections = [("id", ids.astype(np.uint32 if not len(ids) or (ids.min() >= 0 and ids.max() < 2 ** 32) else np.float64)), ("x", base["x"][keep]), ("y", base["y"][keep]),
                ("degree", view["degree"]), ("community", base["community"][keep]),
                ("betweenness", base["betweenness"][keep]), ("type", base["type"][keep])]
    return header, sections + _links(view, 0, shown)


def _links(view: dict, lo: int, hi: int) -> list[tuple[str, np.ndarray]]:
    w = view["w"][lo:hi]
    return [("source", view["a"][lo:hi]), ("target", view["b"][lo:hi]),
            ("weight", w.astype(np.uint16 if (not len(w) or w.max() < 65536) else np.uint32))]


def view_links(ws: Workspace, eco_id: str, *, min_weight: int, below: int | None = None, year_from: int | None = None,
               year_to: int | None = None, activity_types: list[str] | None = None,
               programme: str | None = None) -> tuple[dict, list]:
    """The links with ``min_weight <= joint projects < below`` of the same view (node indices as in :func:`network_view`)."""
    from innovatlas.explore import BadParameter

    if min_weight < 1 or (below is not None and below <= min_weight):
        raise BadParameter("min_weight must be at least 1 and below it")
    stamp, flt = _checked(ws, eco_id, year_from, year_to, activity_types, programme)
    view = _filtered(ws, eco_id, stamp, flt)
    w = view["w"]  # descending
    hi = len(w) if min_weight <= 1 else int(np.searchsorted(-w, -min_weight, side="right"))
    lo = 0 if below is None else int(np.searchsorted(-w, -below, side="right"))
    header = {"format": "innovatlas network view links 1", "ecosystem": eco_id, "min_weight": min_weight, "below": below,
              "links": hi - lo, "links_total": int(len(w))}
    return header, _links(view, lo, hi)


# -- the payload -----------------------------------------------------------------------------------------------------
def encode(header: dict, sections: list[tuple[str, np.ndarray]]) -> bytes:
    """The binary payload (see the module docstring)."""
    codes = {(np.dtype(v).kind, np.dtype(v).itemsize): k for k, v in _DTYPES.items()}
    parts, meta = [], []
    for name, arr in sections:
        arr = np.asarray(arr)
        code = codes[(arr.dtype.kind, arr.dtype.itemsize)]
        buf = np.ascontiguousarray(arr, dtype=_DTYPES[code]).tobytes()
        parts += [buf, b"\0" * (-len(buf) % 8)]
        meta.append({"name": name, "dtype": code, "length": int(len(arr))})
    head = json.dumps({**header, "sections": meta}, separators=(",", ":"), ensure_ascii=False).encode("utf-8")
    head += b" " * (-(len(head) + 8) % 8)
    return b"".join([MAGIC, struct.pack("<I", len(head)), head, *parts])


def decode(data: bytes) -> tuple[dict, dict[str, np.ndarray]]:
    """Header and sections of a payload (gzip-compressed or not)."""
    if data[:2] == b"\x1f\x8b":
        data = gzip.decompress(data)
    if data[:4] != MAGIC:
        raise ValueError("not an innovatlas network view payload")
    (size,) = struct.unpack("<I", data[4:8])
    header = json.loads(data[8:8 + size])
    out, at = {}, 8 + size
    for s in header["sections"]:
        dt = np.dtype(_DTYPES[s["dtype"]])
        out[s["name"]] = np.frombuffer(data, dtype=dt, count=s["length"], offset=at)
        at += s["length"] * dt.itemsize
        at += -at % 8
    return header, out


def respond(ws: Workspace, eco_id: str, request_headers: Mapping[str, str], *, links: bool = False,
            **params: Any) -> dict[str, Any]:
    """Keyword arguments of a ``Response`` for the view (``links=False``) or for more links (``links=True``):
    the payload gzip-compressed when the client accepts it, an ETag and a 304 when it is unchanged."""
    stamp, flt = _checked(ws, eco_id, params.get("year_from"), params.get("year_to"), params.get("activity_types"),
                          params.get("programme"))
    key = ("links" if links else "view", ws.path, stamp, eco_id, flt, tuple(sorted(
        (k, v) for k, v in params.items() if k not in ("year_from", "year_to", "activity_types", "programme"))))
    etag = '"' + hashlib.sha1(repr(key).encode()).hexdigest()[:20] + '"'
    common = {"ETag": etag, "Cache-Control": "no-cache", "Vary": "Accept-Encoding"}
    if etag in (request_headers.get("if-none-match") or ""):
        return {"status_code": 304, "headers": common}

    def make() -> tuple[bytes, bytes]:
        body = encode(*(view_links if links else network_view)(ws, eco_id, **params))
        return body, gzip.compress(body, compresslevel=3, mtime=0)  # 936 kB in 0.04 s for the EU-wide view

    body, packed = _cached(("payload",) + key, make)
    if "gzip" in (request_headers.get("accept-encoding") or ""):
        return {"content": packed, "media_type": "application/octet-stream", "headers": {**common, "Content-Encoding": "gzip"}}
    return {"content": body, "media_type": "application/octet-stream", "headers": common}


def warm(ws: Workspace) -> list[str]:
    """Compute the first view of every ecosystem the page opens in this view (more than
    :data:`VIEW_MIN_MEMBERS` members), so that its first visitor does not wait for the layout
    (about 1.5 s of one core for the EU-wide network). Meant for the web app's start-up; returns the ids."""
    ids = [r[0] for r in ws.rows(Q.LARGE(VIEW_MIN_MEMBERS))]
    for eco_id in ids:
        respond(ws, eco_id, {"accept-encoding": "gzip"}, year_from=None, year_to=None, activity_types=None,
                max_links=VIEW_LINKS)
    return ids
