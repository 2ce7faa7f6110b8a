"""``innovatlas serve``: uvicorn over the app with host validation, on one worker process per core.

The app is read-only over one DuckDB file, so several worker processes can open it side by side
(DuckDB allows any number of read-only processes); each has its own caches. The workers get the
workspace and the allowed hosts through the environment and build the app with :func:`app_from_env`.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Callable, Iterable

from innovatlas.web.hardening import allowed_hosts

__all__ = ["run", "app_from_env", "default_workers"]

_ENV_WS, _ENV_HOSTS = "INNOVATLAS_SERVE_WORKSPACE", "INNOVATLAS_SERVE_HOSTS"


def default_workers() -> int:
    """One worker process per CPU core this process may use, at least 1 and at most 4."""
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        cores = os.cpu_count() or 1
    return max(1, min(4, cores))


def app_from_env():
    """The app of a worker process (uvicorn's factory)."""
    from innovatlas.web import create_app

    return create_app(os.environ[_ENV_WS], allowed_hosts=[h for h in os.environ[_ENV_HOSTS].split(",") if h])


def run(workspace: str | Path, *, host: str = "127.0.0.1", port: int = 8000, extra_hosts: Iterable[str] = (),
        workers: int = 0, announce: Callable[[str], None] = print) -> None:
    import uvicorn

    from innovatlas.web import create_app

    hosts = allowed_hosts(host, [h for item in extra_hosts for h in str(item).split(",")])
    workers = workers or default_workers()
    if __import__("innovatlas.accounts").accounts.enabled(workspace):
        workers = 1  # with accounts the one server process holds the workspace for writing (issue 12)
    create_app(workspace, allowed_hosts=hosts).state.workspace.close()  # fails here, with a clear message, if unreadable
    announce(f"innovatlas dashboard on http://{host}:{port}/  (API docs: http://{host}:{port}/docs; Ctrl-C stops); "
             f"{workers} worker process{'es' if workers > 1 else ''}; answers to host names {', '.join(hosts)}")
    if workers == 1:
        uvicorn.run(create_app(workspace, allowed_hosts=hosts), host=host, port=port, log_level="warning")
        return
    os.environ[_ENV_WS], os.environ[_ENV_HOSTS] = str(Path(workspace).resolve()), ",".join(hosts)
    # a worker busy laying out a large network holds the GIL for seconds (more on a loaded machine): uvicorn's
    # default health check (5 s) would kill it mid-request, so give it a minute
    uvicorn.run("innovatlas.web.serve:app_from_env", factory=True, host=host, port=port, workers=workers,
                log_level="warning", timeout_worker_healthcheck=60)
