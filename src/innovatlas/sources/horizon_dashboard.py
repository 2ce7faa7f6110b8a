"""Participation lists with organisation attributes: the Horizon Dashboard raw export and "cordis-plus".

Both are read by ``innovatlas import cordis FILE`` (the layout is detected from the header, like
the CORDIS bulk files; the layouts are registered in :data:`innovatlas.sources.cordis.LAYOUTS`).

``horizon-dashboard`` (the Horizon Dashboard "Raw Data Export Sheet")
    The European Commission's Horizon Dashboard export of participations, one row per
    participation, with columns in snake case as the export is usually cleaned
    (``framework_programme, call_id, topic_code, project_id, project_acronym, partner_role,
    partner_type, pic, legal_entity_vat, legal_name, legal_entity_type, city, nuts_3_code,
    country_code, eu_contribution, sme_flag, project_start_date, ...``; the real sample in
    ``../shared/data/cordis-fp7-h2020-partial-years-swissparticipation`` gives the 35 columns).
    Dates ``dd/mm/yyyy``; ``sme_flag`` Yes/No; ``-`` and ``.`` mean "no value"
    (``eu_contribution``, ``legal_entity_vat``). It is the only file that carries the SME flag,
    the NUTS-3 code, the VAT number and the legal name together.
``cordis-plus``
    A participation table joining the Dashboard export with the CORDIS Data Portal files
    (``project_id, pic, partner_role, legal_name, legal_short_name, legal_entity_type,
    country_code, legal_url, ec_contribution, net_ec_contribution, framework_programme,
    start_date, end_date, legal_basis, ...``), FP7 and Horizon 2020 rows in one file, ``NA`` for
    missing values (except in ``country_code``, where it is Namibia).

Programmes: each row's programme is its ``framework_programme`` (``FP7``, ``H2020``,
``HORIZON``); a row without one takes ``--framework``, else (cordis-plus) the prefix of its
legal basis (``FP7-``, ``H2020-``, ``HORIZON.``); a cordis-plus row still without a programme is
left out and counted in the import's notes; a Dashboard row without one is an error. A row
without a PIC names no organisation: it is left out and counted in the notes too (11 FP7 rows of
``cordis-plus-2014``).

Projects are keyed ``<programme>-id<grant number>`` (the grant number is ``project_id``). A
project that another import of the workspace already holds (same programme and grant number,
e.g. from project.csv) is refused, naming both files: its participations would be counted twice.
The reduced Horizon 2020 table keys projects by RCN only, so that overlap cannot be seen: do not
import the Dashboard export of a programme together with the full participation list of the same
programme.

Organisation attributes (``organisation_attribute``): the VAT number, legal name, legal entity
type, SME flag, NUTS-3 code and city each row states, with the batch (file) and row, so the
organisation page can show where every value came from (:func:`innovatlas.programmes.organisation_attributes`).
"""

from __future__ import annotations

from innovatlas.errors import InputError
from innovatlas.sources import ImportReport
from innovatlas.sources._common import replace_dataset, staged_columns
from innovatlas.store import Workspace
from innovatlas.store.load import CsvSpec, check_unique, check_values, stage_csv  # noqa: F401
from innovatlas.store.queries import sources_common as QC
from innovatlas.store.queries import sources_dashboard as Q

__all__ = ["LAYOUTS", "LOADERS", "ORDER", "xlsx_to_csv"]

LICENCE = "CC BY 4.0 (Commission Decision 2011/833/EU)"

LAYOUTS: dict[str, CsvSpec] = {
    "horizon-dashboard": CsvSpec(
        "Horizon Dashboard raw export (participations)", ",",
        required=("framework_programme", "project_id", "partner_role", "pic", "legal_name", "country_code",
                  "sme_flag", "project_start_date"),
        optional=("call_id", "topic_code", "topic_descr", "cordis_link", "project_acronym", "project_title",
                  "partner_type", "legal_entity_vat", "legal_entity_type", "legal_entity_type_descr", "city",
                  "nuts_3_code", "nuts_3_name", "country", "eu_contribution", "h2020_net_eu_contribution",
                  "h2020_total_cost", "signature_date", "call_deadline_date", "thematic_priority_abbr",
                  "thematic_priority_descr", "project_end_date", "pillar_abbr", "pillar_descr",
                  "simplified_type_of_action", "focus_area", "call_year"),
        null_values=("", "-", "."), literal=("legal_name", "project_title", "project_acronym", "city", "country_code"),
        hint="the Horizon Dashboard export has: framework_programme, call_id, topic_code, ..., project_id, "
             "partner_role, partner_type, pic, legal_entity_vat, legal_name, ..., sme_flag, project_start_date"),
    "cordis-plus": CsvSpec(
        "CORDIS participations joined with the Horizon Dashboard (cordis-plus)", ",",
        required=("project_id", "pic", "partner_role", "legal_name", "legal_entity_type", "country_code",
                  "ec_contribution", "framework_programme", "start_date", "legal_basis"),
        optional=("pillar_abbr", "pillar_descr", "thematic_priority_abbr", "signature_date", "call_deadline_date",
                  "eu_contribution", "legal_short_name", "legal_url", "net_ec_contribution", "project_acronym",
                  "thematic_priority", "topic_code", "topic_description", "participations", "end_date",
                  "funding_scheme", "country", "re_contribution", "pillar", "signature_year", "call_year",
                  "start_year"),
        null_values=("", "NA"), literal=("country_code",),
        hint="the cordis-plus layout has: project_id, pic, partner_role, ..., legal_name, ..., framework_programme, "
             "start_date, end_date, legal_basis, ..."),
}


_columns = staged_columns


def _given(framework: str | None) -> str | None:
    if not framework:
        return None
    fw = Q.PROGRAMME_NAMES.get(framework.upper())
    if not fw:
        raise InputError(f"unknown framework programme '{framework}'", hint="use FP7, H2020 or HORIZON")
    return fw


def _check_dates(ws: Workspace, t: str, display: str, fields: list[str], dmy: bool) -> None:
    found = ws.rows(Q.bad_dates(t, fields, dmy))[0]
    for i, f in enumerate(fields):
        row, value = found[2 * i], found[2 * i + 1]
        if row is not None:
            form = "dd/mm/yyyy" if dmy else "YYYY-MM-DD"
            raise InputError(f"'{value}' is not a date ({form})", file=display, row=row, field=f,
                             hint=f"this layout writes dates as {form}; use the file as exported")


def _load(ws: Workspace, m, *, framework, encoding, report: ImportReport, dashboard: bool) -> None:
    layout = "horizon-dashboard" if dashboard else "cordis-plus"
    t = "stg_dashboard" if dashboard else "stg_cordisplus"
    given = _given(framework)
    lb = None if dashboard else "legal_basis"
    stage_csv(ws, m.path, LAYOUTS[layout], t, display=m.display, encoding=encoding, delimiter=m.delimiter,
              temporary=False)
    cols = _columns(ws, t)
    from innovatlas.sources.cordis import _skip_without_id

    _skip_without_id(ws, t, "pic", m.display, report)  # a participation without a PIC names no organisation
    numbers = ["pic", "project_id"] + [c for c in ("eu_contribution", "ec_contribution") if c in cols]
    check_values(ws, t, m.display, not_empty=["project_id", "pic"], numbers=numbers)
    _check_dates(ws, t, m.display, [c for c in (("project_start_date", "project_end_date") if dashboard
                                                else ("start_date", "end_date")) if c in cols], dashboard)
    if dashboard:
        bad = ws.rows(Q.bad_flag(t))
        if bad:
            raise InputError(f"'{bad[0][1]}' is not an SME flag", file=m.display, row=bad[0][0], field="sme_flag",
                             hint="the Horizon Dashboard writes Yes or No (or leaves it empty)")
        unknown = ws.rows(Q.unknown_programme(t, given, lb))
        if unknown:
            raise InputError(f"'{unknown[0][1] or ''}' is not a framework programme innovatlas knows",
                             file=m.display, row=unknown[0][0], field="framework_programme",
                             hint="use FP7, H2020 or HORIZON, or pass --framework for a file without the column filled")
    else:
        left = {fw: n for fw, n in ws.rows(Q.frameworks_of(t, given, lb))}.get(None, 0)
        if left:
            ws.execute(Q.delete_unknown_programme(t, given, lb))
            report.notes.append(f"{m.display}: {left:,} row(s) without framework_programme or a legal basis that "
                                "names the programme left out (pass --framework if they all belong to one programme)")
    n = ws.scalar(QC.count_staged(t))
    # one dataset per file name: the yearly files of one export sit side by side, a re-import of a file replaces it
    name = m.display.replace("\\", "/").split("/")[-1].split("!")[-1]
    # 'cordis:...:participations', as every participation dataset: the indicators' provenance and the coverage find it
    dataset = f"cordis:{'horizon-dashboard' if dashboard else 'cordis-plus'}:{name}:participations"
    via = "Horizon Dashboard raw export, © European Union" if dashboard else \
        "© European Union, CORDIS and Horizon Dashboard (joined by the file's author)"
    batch = replace_dataset(ws, source="horizon-dashboard" if dashboard else "cordis", dataset=dataset, path=m.path,
                            display=m.display, rows=n, licence=LICENCE, attribution=via)
    if batch is None:
        report.unchanged.append(dataset)
        return
    overlap = ws.rows(Q.overlapping_projects(t, given, lb, batch))
    if overlap:
        row, pid, file, other = overlap[0]
        raise InputError(f"project {pid} is already in the workspace from {file} ({other}); importing this file too "
                         "would count its participations twice", file=m.display, row=row, field="project_id",
                         hint="import one participation list per programme (the Dashboard export or the CORDIS files)")
    ws.execute(Q.insert_projects(t, cols, given, dashboard, batch))
    if not dashboard:
        from innovatlas.sources.cordis import PROGRAMME_PARTS

        ws.execute(Q.insert_project_parts(t, given, PROGRAMME_PARTS, batch))
    ws.execute(Q.insert_participations(t, cols, given, dashboard, batch))
    priority = 1 if dashboard else 2
    ws.execute(Q.insert_organisation_records(t, cols, dashboard, priority, batch))
    ws.execute(Q.insert_attributes(t, "dashboard" if dashboard else "cordis-plus", cols, "pic", priority, batch,
                                   m.display))
    if "legal_entity_vat" in cols:  # VAT numbers as registry identifiers (issue 14)
        from innovatlas.store.queries import sources_cordis as QV

        ws.execute(QV.insert_vat(t, "pic", "legal_entity_vat", "country_code", batch))
    by_fw = ", ".join(f"{fw} {k:,}" for fw, k in ws.rows(Q.frameworks_of(t, given, lb)))
    report.loaded[f"{dataset} ({by_fw})"] = n


def _load_dashboard(ws, m, *, framework, encoding, report, others, progress) -> None:
    _load(ws, m, framework=framework, encoding=encoding, report=report, dashboard=True)


def _load_cordis_plus(ws, m, *, framework, encoding, report, others, progress) -> None:
    _load(ws, m, framework=framework, encoding=encoding, report=report, dashboard=False)


LOADERS = {"horizon-dashboard": _load_dashboard, "cordis-plus": _load_cordis_plus}
#: after the CORDIS files of the same import (their projects are then known to the overlap check)
ORDER = ("horizon-dashboard", "cordis-plus")


#: the Dashboard export's own names of the two columns the snake-case copy renamed (PROVENANCE.md of the sample:
#: ``project_nbr -> project_id``, ``general_pic -> pic``)
_DASHBOARD_RENAMED = {"project_nbr": "project_id", "general_pic": "pic"}


def dashboard_header(header: list[str]) -> list[str]:
    """A Horizon Dashboard export's header as the layout names it: snake case (``Legal Name`` -> ``legal_name``,
    ``NUTS 3 Code`` -> ``nuts_3_code``), ``Project Nbr`` -> ``project_id`` and ``General PIC`` -> ``pic``."""
    import re

    snake = [re.sub(r"[^a-z0-9]+", "_", h.lower()).strip("_") for h in header]
    return [_DASHBOARD_RENAMED.get(h, h) for h in snake]


def xlsx_to_csv(path, tmp, layouts: dict[str, CsvSpec]):
    """An Excel workbook as published by CORDIS (``cordis-h2020projects.xlsx``, ``cordis-fp7organizations.xlsx``,
    the same columns as the CSV files) or a Horizon Dashboard export saved as ``.xlsx``: its first sheet written
    as a CSV in the delimiter of the layout its header matches, so the import reads it like the CSV file.

    Returns ``(csv path, display name)``. The rows keep their order: data row *n* of the error messages is
    sheet row *n + 1*.
    """
    import csv
    from pathlib import Path

    from openpyxl import load_workbook

    path = Path(path)
    try:
        wb = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # noqa: BLE001 - any unreadable workbook is the user's file
        raise InputError(f"cannot read the workbook: {exc}", file=str(path),
                         hint="save it again as .xlsx, or export the sheet as CSV") from None
    try:
        sheet = wb.worksheets[0]
        rows = sheet.iter_rows(values_only=True)
        header = [("" if v is None else str(v).strip()) for v in next(rows, ())]
        best, fit = None, 0.0
        for candidate in (header, dashboard_header(header)):
            for name, spec in layouts.items():
                f = sum(c in candidate for c in spec.required) / len(spec.required)
                if f > fit:
                    best, fit, header_used = name, f, candidate
        header = header_used if best else header
        if best is None or fit < 0.5:
            raise InputError("the first sheet's header matches none of the CORDIS layouts", file=str(path), line=1,
                             hint="use the workbook as CORDIS or the Horizon Dashboard publishes it")
        delim = layouts[best].delimiter
        out = Path(tmp) / (path.stem + ".csv")
        with open(out, "w", encoding="utf-8", newline="") as fh:
            w = csv.writer(fh, delimiter=delim, quoting=csv.QUOTE_MINIMAL, lineterminator="\n")
            w.writerow(header)
            # the workbook is read and written in streaming mode (openpyxl read-only), one sheet row at a time
            # dates as the layout writes them in its CSV: dd/mm/yyyy in the Dashboard export, else ISO
            day = "%d/%m/%Y" if best == "horizon-dashboard" else "%Y-%m-%d"
            w.writerows(["" if v is None else (v.strftime(day) if hasattr(v, "strftime") and not (
                getattr(v, "hour", 0) or getattr(v, "minute", 0) or getattr(v, "second", 0)) else str(v)) for v in r]
                        for r in rows)
    finally:
        wb.close()
    return out, f"{path} (sheet '{sheet.title}')"
