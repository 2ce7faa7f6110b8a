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

from innovatlas.model.registry import LEGAL_FORMS, PHRASES, STOPWORDS, TOKENS

__all__ = ["norm_name_sql", "sorted_name_sql", "tokens_sql", "normalise", "acronym_sql"]


def _lit(s: str) -> str:
    return "'" + s.replace("'", "''") + "'"


def _clean(expr: str) -> str:
    e = f"upper(strip_accents(coalesce(CAST({expr} AS VARCHAR), '')))"
    # ROR's country qualifier of company names: 'Siemens (Netherlands)'
    e = f"regexp_replace({e}, '\\((THE )?(NETHERLANDS|NEDERLAND|HOLLAND)\\)', ' ', 'g')"
    e = f"replace(replace(replace({e}, '&AMP;', ' AND '), '&#X0026;', ' AND '), '&', ' AND ')"
    e = f"regexp_replace({e}, '[.''’]', '', 'g')"            # B.V. -> BV, 's-Gravenhage -> S GRAVENHAGE
    e = f"' ' || trim(regexp_replace({e}, '[^A-Z0-9]+', ' ', 'g')) || ' '"
    for old, new in PHRASES:
        if new.startswith(" "):      # split a glued word (HANZEHOGESCHOOL)
            e = f"replace({e}, {_lit(old)}, {_lit(new)})"
        else:
            e = f"replace({e}, {_lit(' ' + old + ' ')}, {_lit(' ' + new + ' ')})"
    return e


def tokens_sql(expr: str) -> str:
    """SQL list of the normalised tokens of a name."""
    m = "MAP {" + ", ".join(f"{_lit(k)}: {_lit(v)}" for k, v in TOKENS.items()) + "}"
    drop = ", ".join(_lit(w) for w in sorted(STOPWORDS | LEGAL_FORMS))
    mapped = (f"string_split(array_to_string(list_transform(string_split(trim(regexp_replace({_clean(expr)}, ' +', ' ', 'g')), ' '), "
              f"lambda t: coalesce(list_extract(map_extract({m}, t), 1), t)), ' '), ' ')")
    kept = f"list_filter({mapped}, lambda t: t <> '' AND t NOT IN ({drop}))"
    # a trailing country word qualifies a branch ('SIEMENS NEDERLAND NV', 'Imec the Netherlands'); elsewhere it is
    # part of the name ('Netherlands Cancer Institute')
    trimmed = f"regexp_replace(array_to_string({kept}, ' '), '(.) NETHERLANDS$', '\\1')"
    return f"list_filter(string_split({trimmed}, ' '), lambda t: t <> '')"


def norm_name_sql(expr: str) -> str:
    return f"array_to_string({tokens_sql(expr)}, ' ')"


def sorted_name_sql(expr: str) -> str:
    return f"array_to_string(list_sort({tokens_sql(expr)}), ' ')"


def acronym_sql(expr: str) -> str:
    """The raw value as an acronym key: upper-case letters and digits only (``TU/e`` -> ``TUE``)."""
    return f"regexp_replace(upper(strip_accents(coalesce({expr}, ''))), '[^A-Z0-9]', '', 'g')"


def normalise(names: list[str], *, sort: bool = False, con: duckdb.DuckDBPyConnection | None = None) -> list[str]:
    """Normalise a list of names with the same SQL the matcher uses."""
    con = con or duckdb.connect()
    expr = sorted_name_sql("n") if sort else norm_name_sql("n")
    rows = con.execute(f"SELECT i, {expr} FROM (SELECT unnest(?::VARCHAR[]) AS n, generate_subscripts(?::VARCHAR[], 1) AS i) ORDER BY i",
                       [list(names), list(names)]).fetchall()
    return [r[1] for r in rows]
