"""Every statement of the product, one module per area, registered in :data:`innovatlas.store.relational.REGISTRY`.

A module here holds only query definitions (:func:`~innovatlas.store.relational.query` constants
and :func:`~innovatlas.store.relational.builder` functions that assemble dynamic statements);
the service functions that run them live in the area's own package and pass the query to the
workspace or engine. Importing this package imports every area module, so the registry (and the
SQL snapshot tests over it) is complete.
"""

from __future__ import annotations

import importlib
import pkgutil

__all__ = ["load_all"]


def load_all() -> None:
    """Import every query module (registers all queries and builders)."""
    for info in pkgutil.iter_modules(__path__):
        importlib.import_module(f"{__name__}.{info.name}")
