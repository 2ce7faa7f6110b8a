"""The user's own actors and relations (issue 14, seed 001), as CSV/Excel templates and imports.

Actors: startups, financiers, campus organisations, employees, citizens and any organisation the open
data misses (columns :data:`ACTOR_COLUMNS`; ``actor_type`` is a :class:`~innovatlas.model.actors.ActorType`
value). Relations between actors, PICs (``pic:<n>``) and ROR records (``ror:<id>``): dual appointments,
facility use, membership, spin-off parentage, funding/investment (``relation_type`` is a
:class:`~innovatlas.model.relations.RelationType` value).

Imports are validated set-based and transactional: every problem is reported at once with file, row
(as a spreadsheet shows it: the header is row 1) and field, and nothing is stored. A re-import of the
same kind replaces the earlier one. Each actor is resolved against the registry: a PIC or ROR id given
in the file links it deterministically; otherwise its name (and city) is scored against every
registered organisation's names; the result is a match or a new actor, reviewable like the CORDIS
matches (``innovatlas matches list``, ``accept actor:<id> <org key>``).
"""

from __future__ import annotations

import csv
from pathlib import Path

from innovatlas.errors import InputError
from innovatlas.model.actors import ActorType
from innovatlas.model.registry import MATCH_SCORE, UNCERTAIN_SCORE
from innovatlas.model.relations import RelationType
from innovatlas.sources import ImportReport
from innovatlas.store import Workspace

__all__ = ["ACTOR_COLUMNS", "RELATION_COLUMNS", "write_template", "import_actors", "import_relations",
           "resolve_actors", "import_file"]

ACTOR_COLUMNS = ["actor_id", "name", "actor_type", "pic", "ror", "kvk", "city", "postcode", "country", "website", "note"]
RELATION_COLUMNS = ["source", "target", "relation_type", "start_year", "end_year", "weight", "note"]
_REQUIRED = {"actors": ["actor_id", "name", "actor_type"], "relations": ["source", "target", "relation_type"]}


def write_template(kind: str, path: str | Path) -> Path:
    """An empty actors or relations template (header row) as CSV or Excel."""
    if kind not in _REQUIRED:
        raise InputError(f"unknown template '{kind}'", hint="choose actors or relations")
    header = ACTOR_COLUMNS if kind == "actors" else RELATION_COLUMNS
    path = Path(path)
    if path.suffix.lower() == ".xlsx":
        from openpyxl import Workbook

        wb = Workbook()
        sh = wb.active
        sh.title = kind
        sh.append(header)
        help_ = wb.create_sheet("help")
        help_.append(["column", "allowed values"])
        if kind == "actors":
            help_.append(["actor_type", ", ".join(t.value for t in ActorType)])
        else:
            help_.append(["relation_type", ", ".join(t.value for t in RelationType)])
            help_.append(["source / target", "an actor_id from the actors file, pic:<PIC> or ror:<ROR id>"])
        wb.save(path)
    else:
        with open(path, "w", newline="", encoding="utf-8") as f:
            csv.writer(f).writerow(header)
    return path


def _stage(ws: Workspace, path: Path, kind: str, table: str) -> str:
    from innovatlas.store.load import CsvSpec, stage_csv, stage_table

    display = str(path)
    if not path.exists():
        raise InputError("no such file", file=display, hint="check the path")
    header = ACTOR_COLUMNS if kind == "actors" else RELATION_COLUMNS
    if path.suffix.lower() == ".xlsx":
        from openpyxl import load_workbook

        try:
            sheet = load_workbook(path, read_only=True, data_only=True).worksheets[0]
        except Exception as exc:  # noqa: BLE001 - any unreadable workbook
            raise InputError(f"not a readable Excel workbook ({type(exc).__name__})", file=display,
                             hint="save it again as .xlsx, or use the CSV template") from None
        rows = [["" if v is None else str(v) for v in r] for r in sheet.iter_rows(values_only=True)]
        if not rows:
            raise InputError("the sheet is empty (no header row)", file=display,
                             hint=f"write a fresh template with 'innovatlas actors template {kind} FILE'")
        stage_table(ws, table, rows[0], rows[1:], f"{display} (sheet {sheet.title})", _REQUIRED[kind])
    else:
        spec = CsvSpec(f"innovatlas {kind} template", ",", required=tuple(_REQUIRED[kind]),
                       optional=tuple(c for c in header if c not in _REQUIRED[kind]),
                       hint=f"write a fresh template with 'innovatlas actors template {kind} FILE'")
        stage_csv(ws, path, spec, table, display=display)
    cols = {r[0] for r in ws.rows(f"SELECT column_name FROM (DESCRIBE {table})")}
    for c in header:
        if c not in cols:
            ws.execute(f'ALTER TABLE {table} ADD COLUMN "{c}" VARCHAR')
    if not ws.scalar(f"SELECT count(*) FROM {table}"):
        raise InputError("the file has a header but no data rows", file=display, row=1,
                         hint="fill in at least one row below the header")
    return display


def _checks(ws, table, display):
    from innovatlas.inputs import _Checks

    return _Checks(ws, table, display)


def import_actors(ws: Workspace, path: str | Path) -> ImportReport:
    from innovatlas.registry.ror_records import is_ror_id
    from innovatlas.sources._common import replace_dataset

    path, t, report = Path(path), "stg_actors", ImportReport()
    with ws.transaction():
        display = _stage(ws, path, "actors", t)
        c = _checks(ws, t, display)
        c.not_empty(_REQUIRED["actors"])
        c.choice("actor_type", {a.value for a in ActorType})
        c.where("nullif(trim(pic), '') IS NOT NULL AND NOT regexp_full_match(trim(pic), '[0-9]{9}')", "pic",
                lambda v: f"'{v}' is not a PIC", "a PIC has nine digits; leave it empty when the actor has none")
        bad_ror = [r for (r,) in ws.rows(f"SELECT DISTINCT trim(ror) FROM {t} WHERE nullif(trim(ror), '') IS NOT NULL")
                   if not is_ror_id(r.rsplit('/', 1)[-1])]
        c.where("trim(ror) IN (SELECT unnest(?::VARCHAR[]))", "ror", lambda v: f"'{v}' is not a ROR id",
                "a ROR id looks like 02e2c7k09 (or https://ror.org/02e2c7k09); leave it empty when unknown", [bad_ror])
        ws.execute(f"UPDATE {t} SET actor_id = trim(actor_id)")
        c.unique(["actor_id"], "actor_id")
        c.done()
        n = ws.scalar(f"SELECT count(*) FROM {t}")
        batch = replace_dataset(ws, source="user", dataset="user:actors", path=path, display=display, rows=n,
                                licence="own data", attribution=None)
        if batch is None:
            report.unchanged.append("user:actors")
            return report
        ws.execute("DELETE FROM user_actor WHERE batch_id NOT IN (SELECT batch_id FROM import_batch)")
        ws.execute(f"""
            INSERT INTO user_actor
            SELECT trim(actor_id), trim(name), lower(trim(actor_type)), CAST(nullif(trim(pic), '') AS BIGINT),
                   nullif(regexp_extract(trim(ror), '([^/]+)$', 1), ''), nullif(trim(kvk), ''), nullif(trim(city), ''),
                   nullif(trim(postcode), ''), coalesce(nullif(upper(trim(country)), ''), 'NL'),
                   nullif(trim(website), ''), nullif(trim(note), ''), ?, _row + 1
            FROM {t}""", [batch])
        ws.execute(f"DROP TABLE {t}")
        counts = resolve_actors(ws)
        report.loaded["user:actors"] = n
        report.notes.append("actors resolved against the registry: " +
                            ", ".join(f"{k} {v:,}" for k, v in sorted(counts.items())))
    return report


def import_relations(ws: Workspace, path: str | Path) -> ImportReport:
    from innovatlas.sources._common import replace_dataset

    path, t, report = Path(path), "stg_relations", ImportReport()
    with ws.transaction():
        display = _stage(ws, path, "relations", t)
        c = _checks(ws, t, display)
        c.not_empty(_REQUIRED["relations"])
        c.choice("relation_type", {r.value for r in RelationType} - {"joint_project"})
        c.numbers(["start_year", "end_year", "weight"])
        c.whole("start_year", 1900, 2100, "a four-digit year")
        c.whole("end_year", 1900, 2100, "a four-digit year")
        known = """(SELECT actor_id AS ref FROM user_actor UNION SELECT 'pic:' || pic FROM organisation
                    UNION SELECT 'ror:' || ror_id FROM ror_record)"""
        for col in ("source", "target"):
            c.where(f"nullif(trim({col}), '') IS NOT NULL AND lower(trim({col})) NOT IN (SELECT lower(ref) FROM {known})", col,
                    lambda v: f"'{v}' is no known actor, PIC or ROR record",
                    "use an actor_id from the imported actors file, pic:<PIC> of a CORDIS organisation or ror:<ROR id>")
        c.where("TRY_CAST(end_year AS INTEGER) < TRY_CAST(start_year AS INTEGER)", "end_year",
                lambda v: f"'{v}' is before start_year", "the end year cannot come before the start year")
        c.done()
        n = ws.scalar(f"SELECT count(*) FROM {t}")
        batch = replace_dataset(ws, source="user", dataset="user:relations", path=path, display=display, rows=n,
                                licence="own data", attribution=None)
        if batch is None:
            report.unchanged.append("user:relations")
            return report
        ws.execute("DELETE FROM user_relation WHERE batch_id NOT IN (SELECT batch_id FROM import_batch)")
        ws.execute(f"""
            INSERT INTO user_relation
            SELECT trim(source), trim(target), lower(trim(relation_type)), TRY_CAST(start_year AS INTEGER),
                   TRY_CAST(end_year AS INTEGER), TRY_CAST(replace(weight, ',', '.') AS DOUBLE), nullif(trim(note), ''), ?, _row + 1
            FROM {t}""", [batch])
        ws.execute(f"DROP TABLE {t}")
        report.loaded["user:relations"] = n
    return report


def import_file(ws: Workspace, path: str | Path) -> ImportReport:
    """Actors or relations, told apart by the header (a relations file has 'relation_type')."""
    path = Path(path)
    if path.suffix.lower() == ".xlsx":
        from openpyxl import load_workbook

        try:
            first = next(load_workbook(path, read_only=True).worksheets[0].iter_rows(values_only=True), ())
        except Exception:  # noqa: BLE001 - reported by the import itself
            first = ()
        header = {str(h).strip() for h in first if h}
    elif path.exists():
        with open(path, encoding="utf-8-sig", newline="") as f:
            header = set(next(csv.reader(f), []))
    else:
        raise InputError("no such file", file=str(path), hint="check the path")
    return import_relations(ws, path) if "relation_type" in header else import_actors(ws, path)


def resolve_actors(ws: Workspace) -> dict[str, int]:
    """Match every imported actor to a registered organisation, or leave it a new actor (inside a transaction)."""
    from rapidfuzz import fuzz  # noqa: F401 - the scorer of top_candidates

    from innovatlas.organisations import _canon
    from innovatlas.registry.normalise import sorted_name_sql
    from innovatlas.registry.resolve import AMBIGUITY_GAP, apply_decisions, top_candidates

    ws.execute("DELETE FROM org_match WHERE left_scheme = 'actor'")
    if not ws.scalar("SELECT count(*) FROM user_actor"):
        return {}
    # deterministic: a PIC or ROR id given in the file
    ws.execute("""
        INSERT INTO org_match
        SELECT 'actor', a.actor_id, 'registry', coalesce(i.org_key, 'ror:' || r.ror_id), 100,
               CASE WHEN a.pic IS NOT NULL THEN 'deterministic: PIC given' ELSE 'deterministic: ROR id given' END, 'matched',
               json_object('left_name', a.name, 'right_name', coalesce(g.name, r.name), 'pic', a.pic, 'ror', a.ror_id),
               now()::TIMESTAMP
        FROM user_actor a
        LEFT JOIN (SELECT value, any_value(org_key) AS org_key FROM registry_identifier WHERE scheme = 'pic' GROUP BY 1) i
               ON i.value = CAST(a.pic AS VARCHAR)
        LEFT JOIN (SELECT ror_id, any_value(name) AS name FROM ror_record GROUP BY 1) r ON r.ror_id = a.ror_id AND a.pic IS NULL
        LEFT JOIN registry_org g ON g.org_key = coalesce(i.org_key, 'ror:' || r.ror_id)
        WHERE i.org_key IS NOT NULL OR r.ror_id IS NOT NULL""")
    left = ws.rows(f"""SELECT actor_id, {sorted_name_sql('name')} FROM user_actor
                       WHERE actor_id NOT IN (SELECT left_id FROM org_match WHERE left_scheme = 'actor') ORDER BY 1""")
    right = ws.rows(f"""SELECT DISTINCT org_key, {sorted_name_sql('name')} AS k FROM registry_name
                        WHERE length({sorted_name_sql('name')}) >= 3""")
    lk = sorted({k for _a, k in left if k})
    rk = sorted({k for _o, k in right})
    li, ri, sc = top_candidates(lk, rk, k=3, cutoff=int(UNCERTAIN_SCORE))
    ws.execute("CREATE OR REPLACE TEMP TABLE _ap AS SELECT unnest(?::VARCHAR[]) AS lkey, unnest(?::VARCHAR[]) AS rkey, "
               "unnest(?::DOUBLE[]) AS s", [[lk[i] for i in li.tolist()], [rk[i] for i in ri.tolist()], sc.tolist()])
    ws.execute("CREATE OR REPLACE TEMP TABLE _al AS SELECT unnest(?::VARCHAR[]) AS actor_id, unnest(?::VARCHAR[]) AS key",
               [[a for a, _k in left], [k for _a, k in left]])
    ws.execute("CREATE OR REPLACE TEMP TABLE _ar AS SELECT unnest(?::VARCHAR[]) AS org_key, unnest(?::VARCHAR[]) AS key",
               [[o for o, _k in right], [k for _o, k in right]])
    ws.execute(f"""
        INSERT INTO org_match
        WITH cand AS (
            SELECT l.actor_id, r.org_key, max(p.s) AS name_score FROM _ap p JOIN _al l ON l.key = p.lkey
            JOIN _ar r ON r.key = p.rkey GROUP BY 1, 2
        ), ev AS (
            SELECT c.*, a.name AS left_name, g.name AS right_name, a.city AS left_city, coalesce(g.city, g.municipality) AS right_city,
                   nullif({_canon('a.city')}, '') AS lc, nullif({_canon('g.city')}, '') AS rc, nullif({_canon('g.municipality')}, '') AS rm
            FROM cand c JOIN user_actor a USING (actor_id) JOIN registry_org g USING (org_key)
        ), scored AS (
            SELECT *, coalesce(lc IN (rc, rm), false) AS city_agrees,
                   lc IS NOT NULL AND coalesce(rc, rm) IS NOT NULL AND NOT coalesce(lc IN (rc, rm), false) AS city_differs
            FROM ev
        ), total AS (
            SELECT *, least(100.0, name_score + CASE WHEN city_agrees THEN 4 WHEN city_differs THEN -7 ELSE 0 END) AS score FROM scored
        ), ranked AS (
            SELECT *, row_number() OVER (PARTITION BY actor_id ORDER BY score DESC, org_key) AS rk,
                   lead(score) OVER (PARTITION BY actor_id ORDER BY score DESC, org_key) AS runner_up_score
            FROM total WHERE score >= {UNCERTAIN_SCORE}
        )
        SELECT 'actor', actor_id, 'registry', org_key, score,
               'fuzzy name (rapidfuzz ratio on sorted tokens)' || CASE WHEN city_agrees THEN ' + city' ELSE '' END,
               CASE WHEN rk = 1 AND score >= {MATCH_SCORE} AND name_score >= {MATCH_SCORE}
                         AND coalesce(runner_up_score, 0) <= score - {AMBIGUITY_GAP} THEN 'matched' ELSE 'uncertain' END,
               json_object('left_name', left_name, 'right_name', right_name, 'name_score', name_score, 'left_city', left_city,
                           'right_city', right_city, 'city_agrees', city_agrees, 'city_differs', city_differs, 'rank', rk),
               now()::TIMESTAMP
        FROM ranked WHERE rk <= 3""")
    for tmp in ("_ap", "_al", "_ar"):
        ws.execute(f"DROP TABLE IF EXISTS {tmp}")
    apply_decisions(ws)
    out = dict(ws.rows("SELECT status, count(*) FROM org_match WHERE left_scheme = 'actor' GROUP BY 1"))
    out["new actors"] = ws.scalar("""SELECT count(*) FROM user_actor WHERE actor_id NOT IN (
        SELECT left_id FROM org_match WHERE left_scheme = 'actor' AND status IN ('matched', 'accepted'))""")
    return out
