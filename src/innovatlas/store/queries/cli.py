"""Queries behind the command line (:mod:`innovatlas.cli`) and the demo (:mod:`innovatlas.demo`); the
commands otherwise call the service functions."""

from __future__ import annotations

from innovatlas.store.relational import query

#: ecosystem id -> names (the tables the commands print)
ECOSYSTEM_NAMES = query("cli.ecosystem_names", """
    SELECT ecosystem_id, name_en, name_nl FROM ecosystem""")

#: the registry's uncertain PIC-ROR matches still to review (the demo's summary line)
UNCERTAIN_MATCHES = query("cli.uncertain_matches", """
    SELECT count(*) FROM org_match WHERE status = 'uncertain'""")
