"""The static report's connection-agenda page (``connections.html``) and its downloads."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from innovatlas.store import Workspace

__all__ = ["render_connections"]

DOWNLOADS = ("matrices.xlsx", "rsca.csv", "cosine.csv", "joint_projects.csv", "observed_expected.csv", "pairs.csv",
             "cities.gexf")


def render_connections(ws: Workspace, out: Path, env, lang: str, **common: Any) -> Path | None:
    """Write ``connections.html`` and the matrices (CSV, Excel) and city network (GEXF) next to it."""
    from innovatlas.connect._common import city_ids
    from innovatlas.connect.views import agenda_data
    from innovatlas.connect.views import template_helpers
    from innovatlas.connect.web import download

    if not city_ids(ws):
        return None
    d = agenda_data(ws, lang=lang, link="eco-{id}.html")
    files = out / "connections"
    files.mkdir(exist_ok=True)
    for name in DOWNLOADS:
        body, _fmt = download(ws, name, lang=lang, link="eco-{id}.html")
        (files / name).write_bytes(body if isinstance(body, bytes) else body.encode("utf-8"))
    page = out / "connections.html"
    page.write_text(env.get_template("connections.html").render(
        d=d, dl_prefix="connections/", dl_suffix="", page="connections.html", **template_helpers(lang), **common),
        encoding="utf-8")
    return page
