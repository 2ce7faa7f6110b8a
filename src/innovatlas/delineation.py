"""Which participations, members and projects an ecosystem definition covers.

The compiled statements live in the relational layer (:mod:`innovatlas.store.queries.delineation`);
this module names them for the services that delineate (:func:`innovatlas.analysis.delineate`).
"""

from __future__ import annotations

from innovatlas.model.ecosystem import to_iso
from innovatlas.store.queries.delineation import compile_reference, compile_scope, scope_statements

__all__ = ["compile_scope", "compile_reference", "to_iso", "scope_statements"]
