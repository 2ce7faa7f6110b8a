"""Queries behind the web app's own pages (:mod:`innovatlas.web`); everything else the app shows comes
through the service functions (:mod:`innovatlas.explore`, :mod:`innovatlas.analysis`, ...)."""

from __future__ import annotations

from innovatlas.store.relational import query

#: the first and last project start year in an ecosystem's scope (the network page's year filter)
SCOPE_YEARS = query("web.scope_years", """
    SELECT min(start_year), max(start_year) FROM scope WHERE ecosystem_id = ?""")
