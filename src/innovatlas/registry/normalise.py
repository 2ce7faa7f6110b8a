"""Name normalisation for entity resolution, as SQL expressions (set-based: one pass over a table).

``norm_name_sql(expr)`` gives the normalised name (upper-case ASCII, punctuation removed, Dutch and
English words mapped to one spelling, stop words and legal forms dropped); ``sorted_name_sql``
the same tokens sorted, so word order does not matter. :func:`normalise` runs the expression
through DuckDB for a list of strings (tests, the gold-set benchmark).

>>> normalise(["TECHNISCHE UNIVERSITEIT DELFT", "Delft University of Technology"], sort=True)
['DELFT TECHNOLOGY UNIVERSITY', 'DELFT TECHNOLOGY UNIVERSITY']
>>> normalise(["Stichting Hanzehogeschool Groningen", "ACME B.V."])
['HANZE HOGESCHOOL GRONINGEN', 'ACME']
"""

from __future__ import annotations

import duckdb

from innovatlas.store.queries import registry as Q

# The expressions live with the registry's queries; re-exported here, where the matcher's callers look.
from innovatlas.store.queries.registry import acronym_sql, norm_name_sql, sorted_name_sql, tokens_sql

__all__ = ["norm_name_sql", "sorted_name_sql", "tokens_sql", "normalise", "acronym_sql"]


def normalise(names: list[str], *, sort: bool = False, con: duckdb.DuckDBPyConnection | None = None) -> list[str]:
    """Normalise a list of names with the same SQL the matcher uses."""
    con = con or duckdb.connect()
    q = Q.normalise(sort, list(names))
    rows = con.execute(q.sql, q.params).fetchall()
    return [r[1] for r in rows]
