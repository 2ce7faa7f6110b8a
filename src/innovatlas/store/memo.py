"""A small bounded cache for functions of a read-only workspace (the web app's): keyed by its path and state stamp
(:meth:`innovatlas.store.Workspace.stamp`) and the arguments, least recently used entries dropped past
``maxsize``, so a server answering many different query strings holds at most ``maxsize`` results per
function (issue 13, point 5: memory flat under load)."""

from __future__ import annotations

import copy
import functools
import threading
from collections import OrderedDict
from typing import Any, Callable, TypeVar

__all__ = ["by_stamp"]

F = TypeVar("F", bound=Callable[..., Any])


def by_stamp(maxsize: int = 64, *, copy_result: bool = True) -> Callable[[F], F]:
    """Cache ``fn(ws, *args, **kwargs)`` per (path, stamp, args); callers get a deep copy (they may change it),
    or with ``copy_result=False`` the cached object itself (only for results every caller only reads)."""
    give = copy.deepcopy if copy_result else (lambda v: v)

    def deco(fn: F) -> F:
        cache: OrderedDict[tuple, Any] = OrderedDict()
        lock = threading.Lock()

        @functools.wraps(fn)
        def wrapper(ws, *args, **kwargs):
            if getattr(ws, "_frozen", None) is None:  # a writable workspace: always computed (it may change any time)
                return fn(ws, *args, **kwargs)
            key = (ws.path, ws._frozen["opened"], ws.stamp(), args, tuple(sorted(kwargs.items())))
            with lock:
                if key in cache:
                    cache.move_to_end(key)
                    return give(cache[key])
            value = fn(ws, *args, **kwargs)
            with lock:
                cache[key] = value
                cache.move_to_end(key)
                while len(cache) > maxsize:
                    cache.popitem(last=False)
            return give(value)

        wrapper.cache = cache  # type: ignore[attr-defined]  # for tests: bounded, inspectable
        wrapper.maxsize = maxsize  # type: ignore[attr-defined]
        return wrapper  # type: ignore[return-value]

    return deco
