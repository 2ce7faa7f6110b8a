"""A small bounded cache for functions of a workspace: keyed by the workspace's path and state stamp
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


def by_stamp(maxsize: int = 64) -> Callable[[F], F]:
    """Cache ``fn(ws, *args, **kwargs)`` per (path, stamp, args); callers get a deep copy (they may change it)."""

    def deco(fn: F) -> F:
        cache: OrderedDict[tuple, Any] = OrderedDict()
        lock = threading.Lock()

        @functools.wraps(fn)
        def wrapper(ws, *args, **kwargs):
            key = (ws.path, ws.stamp(), args, tuple(sorted(kwargs.items())))
            with lock:
                if key in cache:
                    cache.move_to_end(key)
                    return copy.deepcopy(cache[key])
            value = fn(ws, *args, **kwargs)
            with lock:
                cache[key] = value
                cache.move_to_end(key)
                while len(cache) > maxsize:
                    cache.popitem(last=False)
            return copy.deepcopy(value)

        wrapper.cache = cache  # type: ignore[attr-defined]  # for tests: bounded, inspectable
        wrapper.maxsize = maxsize  # type: ignore[attr-defined]
        return wrapper  # type: ignore[return-value]

    return deco
