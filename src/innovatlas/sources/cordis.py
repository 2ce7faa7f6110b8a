"""EU CORDIS project data: the official bulk files and the reduced Horizon 2020 tables.

Layouts read (detected from the header):

``project`` / ``organization`` (current layout, 2021-)
    ``project.csv`` and ``organization.csv`` from the bulk downloads
    (``cordis-h2020projects-csv.zip``, ``cordis-HORIZONprojects-csv.zip``, ...), ';'-separated,
    quoted fields that may hold ';' and newlines. Both files are needed: organization.csv
    names projects by grant id, project.csv links it to the project rcn.
``h2020-organizations-old`` / ``h2020-projects-old`` (before 2021)
    ``cordis-h2020organizations.csv`` (projectRcn; projectID; role; id; name; ...) and
    ``cordis-h2020projects.csv``.
``participations-reduced``
    the complete H2020 participation list with reduced columns (rcn, role, pic, type,
    contribution, country, dates) as in ``../shared/data/cordis-h2020-participations-eunets``.
``programme-parts``
    project rcn -> H2020 programme part (ERC, MSCA, LEIT, SC1..SC7, ...).
``organisations-h2020-2017`` / ``organisations-fp7``
    organisation name and address tables keyed by PIC.
``horizon-dashboard`` / ``cordis-plus`` (issue 19)
    the Horizon Dashboard raw export and participation tables that join it with the CORDIS files,
    with SME flag, NUTS-3 code, VAT number and legal name; see :mod:`innovatlas.sources.horizon_dashboard`.
``legal-basis`` / ``topics`` / ``euroscivoc``
    the theme tables of the bulk downloads (:mod:`innovatlas.sources.cordis_themes`): every programme
    part of a project from ``legalBasis.csv``; the other two are recognised and noted.

The layout before 2021 is shared by every programme before Horizon Europe (FP1-FP7 and H2020:
data.europa.eu describes the FP2-FP7 files as "updated to match the structure of more recent
datasets"); the programme comes from ``--framework``, the projects file's ``frameworkProgramme``
or programme codes (``FP7-ICT``), or the file name (``cordis-fp7organizations.csv``), else H2020.
``.xlsx`` workbooks (the older Excel downloads, a Dashboard export) are read through their first sheet.

Every row loaded keeps its batch (source, file, sha256, import time, licence) and its
data row. Each layout is a *dataset*; importing it again replaces the earlier import of
that dataset, and importing the very same file again changes nothing.
"""

from __future__ import annotations

import shutil
import tempfile
import urllib.request
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

from innovatlas.errors import InputError
from innovatlas.sources import ImportReport, Progress
from innovatlas.sources import cordis_themes as _themes
from innovatlas.sources import horizon_dashboard as _dashboard
from innovatlas.sources._common import replace_dataset, staged_columns
from innovatlas.store import Workspace
from innovatlas.store.load import (CsvSpec, bounded_memory, keep_memory_limit, check_dates, check_not_empty, check_numbers, check_unique, check_whole,
                                   check_values, read_header, sha256_of, stage_csv)
from innovatlas.store.queries import sources_common as QC
from innovatlas.store.queries import sources_cordis as Q
from innovatlas.store.queries import sources_dashboard as QD
from innovatlas.store.queries.sources_cordis import iso_country  # in __all__: part of this module's API

__all__ = ["LAYOUTS", "import_paths", "fetch", "detect_layout", "PROGRAMME_PARTS", "FETCH_URLS",
           "EU28", "H2020_ASSOCIATED", "iso_country"]

LICENCE = "CC BY 4.0 (Commission Decision 2011/833/EU)"
ATTRIBUTION = "© European Union, CORDIS"

#: EU member states during Horizon 2020 (EU-28, CORDIS codes: UK and EL).
EU28 = ("AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "EL", "ES", "FI", "FR", "HR", "HU", "IE", "IT",
        "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK", "UK")
#: Countries associated to Horizon 2020.
H2020_ASSOCIATED = ("AL", "AM", "BA", "CH", "FO", "GE", "IL", "IS", "MD", "ME", "MK", "NO", "RS", "TN", "TR", "UA")

#: Programme parts (labels as used by CORDIS analyses) and the legal-basis prefix of each.
PROGRAMME_PARTS: dict[str, str] = {
    "ERC": "H2020-EU.1.1.", "FET": "H2020-EU.1.2.", "MSCA": "H2020-EU.1.3.", "RI": "H2020-EU.1.4.",
    "LEIT": "H2020-EU.2.1.", "ARF": "H2020-EU.2.2.", "Innovation in SMEs": "H2020-EU.2.3.",
    "SC1": "H2020-EU.3.1.", "SC2": "H2020-EU.3.2.", "SC3": "H2020-EU.3.3.", "SC4": "H2020-EU.3.4.",
    "SC5": "H2020-EU.3.5.", "SC6": "H2020-EU.3.6.", "SC7": "H2020-EU.3.7.", "SEWP": "H2020-EU.4.",
    "SWAFS": "H2020-EU.5.", "JRC": "H2020-EU.6.", "EIT": "H2020-EU.7.", "Euratom": "H2020-Euratom",
    # Horizon Europe pillars and clusters
    "HE-ERC": "HORIZON.1.1", "HE-MSCA": "HORIZON.1.2", "HE-RI": "HORIZON.1.3",
    "CL1": "HORIZON.2.1", "CL2": "HORIZON.2.2", "CL3": "HORIZON.2.3", "CL4": "HORIZON.2.4",
    "CL5": "HORIZON.2.5", "CL6": "HORIZON.2.6", "EIC": "HORIZON.3.1", "EIE": "HORIZON.3.2",
    "HE-EIT": "HORIZON.3.3", "WIDERA": "HORIZON.4",
}

#: Where users with internet get the official files.
FETCH_URLS: dict[str, str] = {
    "H2020": "https://cordis.europa.eu/data/cordis-h2020projects-csv.zip",
    "HORIZON": "https://cordis.europa.eu/data/cordis-HORIZONprojects-csv.zip",
    "FP7": "https://cordis.europa.eu/data/cordis-fp7projects-csv.zip",
}

_FRAMEWORKS = {"H2020": "H2020", "HORIZON": "HORIZON", "HE": "HORIZON", "FP7": "FP7"}

LAYOUTS: dict[str, CsvSpec] = {
    "project": CsvSpec(
        "CORDIS project.csv (current layout)", ";",
        required=("id", "acronym", "startDate", "endDate", "totalCost", "ecMaxContribution", "legalBasis",
                  "topics", "frameworkProgramme", "title"),
        optional=("rcn", "status", "objective", "fundingScheme", "masterCall", "subCall", "ecSignatureDate",
                  "nature", "contentUpdateDate", "grantDoi"),
        hint="the current layout is: id; acronym; status; title; startDate; endDate; totalCost; ..."),
    "organization": CsvSpec(
        "CORDIS organization.csv (current layout)", ";",
        required=("projectID", "organisationID", "name", "activityType", "country", "role", "ecContribution"),
        optional=("projectAcronym", "vatNumber", "shortName", "SME", "street", "postCode", "city", "nutsCode",
                  "geolocation", "organizationURL", "contactForm", "contentUpdateDate", "rcn", "order",
                  "netEcContribution", "totalCost", "endOfParticipation", "active"),
        hint="the current layout is: projectID; projectAcronym; organisationID; vatNumber; name; ..."),
    "h2020-organizations-old": CsvSpec(
        "CORDIS cordis-h2020organizations.csv (layout before 2021)", ";",
        required=("projectRcn", "projectID", "role", "id", "name", "activityType", "ecContribution", "country"),
        optional=("projectAcronym", "shortName", "endOfParticipation", "street", "city", "postCode",
                  "organizationUrl", "vatNumber", "contactForm", "contactType", "contactTitle"),
        hint="the older layout is: projectRcn; projectID; projectAcronym; role; id; name; ..."),
    "h2020-projects-old": CsvSpec(
        "CORDIS cordis-h2020projects.csv (layout before 2021)", ";",
        required=("rcn", "id", "acronym", "startDate", "endDate", "programme", "call"),
        optional=("status", "topics", "frameworkProgramme", "title", "objective", "totalCost",
                  "ecMaxContribution", "fundingScheme", "projectUrl", "subjects", "coordinator",
                  "coordinatorCountry", "participants", "participantCountries"),
        hint="the older layout is: rcn; id; acronym; status; programme; topics; ..."),
    "participations-reduced": CsvSpec(
        "Horizon 2020 participations (reduced columns)", ",",
        required=("rcn", "role", "pic", "type", "contribution", "country", "start_date", "end_date"),
        optional=("max_contribution", "total_cost", "start_year", "end_year", "duration", "group", "nunique"),
        null_values=("", "NA"), literal=("country",)),
    "programme-parts": CsvSpec("H2020 programme parts", ",", required=("rcn", "programme_part"),
                               null_values=("", "NA")),
    "organisations-h2020-2017": CsvSpec(
        "H2020 organisations (2017)", ",",
        required=("orgId", "name", "activityType", "city", "country"),
        optional=("shortName", "street", "postCode", "organizationUrl"), strict=False),
    "organisations-fp7": CsvSpec("FP7 organisations", ",", required=("idOrganization", "country", "name", "address")),
}

# the Horizon Dashboard export and cordis-plus participation tables (issue 19), detected like the CORDIS files
LAYOUTS.update(_dashboard.LAYOUTS)
LAYOUTS.update(_themes.LAYOUTS)  # legalBasis.csv, topics.csv, euroSciVoc.csv of the bulk downloads

#: Stage files as TEMP tables (True) or as ordinary tables of the workspace (False); either way under
#: ``bounded_memory``, so what exceeds the limit goes to disk instead of memory (issue 20).
STAGE_TEMPORARY = False

# Lower priority number wins when sources disagree on an organisation's name or address.
_PRIORITY = {"organization": 1, "h2020-organizations-old": 1, "organisations-h2020-2017": 2, "organisations-fp7": 3}


@dataclass
class _Member:
    path: Path
    display: str
    layout: str
    delimiter: str


def detect_layout(path: Path, display: str | None = None, encoding: str = "utf-8",
                  delimiter: str | None = None) -> tuple[str, str]:
    """(layout name, delimiter) for a file, judged by its header."""
    display = display or str(path)
    # A layout fits when at least half its required columns are there; the best fit wins, then
    # the layout that knows most of the header's columns (so a file missing one column is still
    # recognised, and then reported as missing that column).
    best: tuple[float, int, str, str] | None = None
    for delim in ([delimiter] if delimiter else [";", ","]):
        header = read_header(path, delim, encoding, display)
        for name, spec in LAYOUTS.items():
            fit = sum(c in header for c in spec.required) / len(spec.required)
            known = sum(c in spec.required or c in spec.optional for c in header)
            same = spec.delimiter == delim  # of two layouts alike but for the separator, the one the file uses
            if fit >= 0.5 and (best is None or (fit, known, same) > (best[0], best[1], best[4])):
                best = (fit, known, name, delim, same)
    if best is None:
        raise InputError(
            "this is not a CORDIS file innovatlas knows (its header matches none of the layouts)",
            file=display, line=1,
            hint="import project.csv and organization.csv from a CORDIS bulk download (or the zip itself), "
                 "or one of the reduced Horizon 2020 tables; see 'innovatlas import cordis --help'")
    return best[2], best[3]


def _expand(paths: Iterable[Path], tmp: Path) -> list[tuple[Path, str]]:
    """Files to read: zips unpacked, directories listed."""
    out: list[tuple[Path, str]] = []
    for p in paths:
        p = Path(p)
        if not p.exists():
            raise InputError("no such file or directory", file=str(p), hint="check the path")
        if p.is_dir():
            files = sorted(f for f in p.iterdir() if f.suffix in {".csv", ".gz", ".zip", ".xlsx"} or f.name.endswith(".csv.gz"))
            if not files:
                raise InputError("the directory holds no .csv, .csv.gz or .zip files", file=str(p))
            out += _expand(files, tmp)
        elif p.suffix.lower() == ".xlsx":  # the older Excel downloads and Dashboard exports (issue 19)
            out.append(_dashboard.xlsx_to_csv(p, tmp, LAYOUTS))
        elif p.suffix == ".zip":
            try:
                zf = zipfile.ZipFile(p)
            except zipfile.BadZipFile:
                raise InputError("not a valid zip archive", file=str(p), hint="download the archive again") from None
            with zf:
                members = [m for m in zf.namelist() if m.lower().endswith(".csv")]
                wanted = [m for m in members if Path(m).name.lower() in {"project.csv", "organization.csv", "legalbasis.csv"}
                          or "organization" in Path(m).name.lower() or "project" in Path(m).name.lower()]
                if not wanted:
                    raise InputError(
                        "the zip holds no project.csv or organization.csv "
                        f"(it has: {', '.join(zf.namelist()[:12]) or 'nothing'})",
                        file=str(p), hint="use a CORDIS bulk download such as cordis-h2020projects-csv.zip")
                target = tmp / p.stem
                target.mkdir(parents=True, exist_ok=True)
                for m in wanted:
                    dest = target / Path(m).name
                    _unzip_member(zf, m, dest, f"{p}!{m}")
                    out.append((dest, f"{p}!{m}"))
        else:
            out.append((p, str(p)))
    return out


#: ids (PIC, rcn) are stored as BIGINT: a whole number of at most 18 digits (a PIC has 9)
ID_MAX = 10 ** 18 - 1
ID_WHAT = "a whole-number id of at most 18 digits"

#: Zip limits (a zip bomb is refused, issue 13): a member may expand to at most ZIP_MAX_BYTES, and past its
#: first ZIP_RATIO_AFTER bytes to at most ZIP_MAX_RATIO times its compressed size. The official CORDIS zips hold
#: members of a few hundred MB that compress 5 to 10 times; a bomb compresses a thousand times and more.
ZIP_MAX_BYTES = 8 * 2 ** 30
ZIP_MAX_RATIO = 100
ZIP_RATIO_AFTER = 64 * 2 ** 20


def _unzip_member(zf: zipfile.ZipFile, member: str, dest: Path, display: str) -> None:
    """Copy one zip member to ``dest`` in 1 MiB chunks, refusing it as soon as it passes the limits."""
    info = zf.getinfo(member)
    written = 0
    try:
        with zf.open(info) as src, open(dest, "wb") as dst:
            while chunk := src.read(1 << 20):
                written += len(chunk)
                if written > ZIP_MAX_BYTES or (written > ZIP_RATIO_AFTER
                                               and written > ZIP_MAX_RATIO * max(info.compress_size, 1)):
                    raise InputError(
                        f"the zip member expands to more than {min(ZIP_MAX_BYTES, ZIP_MAX_RATIO * max(info.compress_size, 1)):,} "
                        f"bytes ({info.compress_size:,} bytes compressed): innovatlas refuses members over "
                        f"{ZIP_MAX_BYTES // 2 ** 30} GiB or compressed more than {ZIP_MAX_RATIO} times (a zip bomb)",
                        file=display, hint="use the official CORDIS download; unzip it yourself if you trust it, "
                                           "and import the CSV files")
                dst.write(chunk)
    except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, RuntimeError) as exc:
        raise InputError(f"cannot unpack the zip member: {exc}", file=display,
                         hint="download the archive again") from None


def import_paths(ws: Workspace, paths: Iterable[str | Path], *, framework: str | None = None,
                 encoding: str = "utf-8", delimiter: str | None = None,
                 progress: Progress | None = None) -> ImportReport:
    """Import CORDIS files (csv, csv.gz, zip or a directory of them) in one transaction.

    Raises :class:`InputError` naming file, row and field; the workspace is then unchanged.
    """
    progress = progress or (lambda _msg: None)
    report = ImportReport()
    with tempfile.TemporaryDirectory(prefix="innovatlas-") as tmpdir:
        files = _expand(paths, Path(tmpdir))
        members: list[_Member] = []
        for path, display in files:
            layout, delim = detect_layout(path, display, encoding, delimiter)
            spec_delim = LAYOUTS[layout].delimiter
            if delimiter is None and delim != spec_delim:
                shown = {"\t": "tab"}.get(delim, delim)
                raise InputError(
                    f"the columns are separated by '{shown}', but {LAYOUTS[layout].name} files use '{spec_delim}'",
                    file=display, line=1,
                    hint=f"use the file as published, or pass --delimiter '{shown}' if you re-saved it that way")
            members.append(_Member(path, display, layout, delim))
        by_layout: dict[str, list[_Member]] = {}
        for m in members:
            by_layout.setdefault(m.layout, []).append(m)
        for layout, ms in by_layout.items():
            if len(ms) > 1 and layout in {"project", "organization", "participations-reduced", "h2020-projects-old",
                                          "h2020-organizations-old"}:
                raise InputError(f"two files in the {LAYOUTS[layout].name} layout in one import: "
                                 f"{ms[0].display} and {ms[1].display}", file=ms[1].display,
                                 hint="import one programme at a time")
        if "organization" in by_layout and "project" not in by_layout:
            raise InputError("organization.csv (current layout) names projects by grant id; project.csv is needed "
                             "to link them", file=by_layout["organization"][0].display,
                             hint="import project.csv and organization.csv together, or the bulk zip that holds both")
        with keep_memory_limit(ws), ws.transaction():
            order = ["project", "organization", "h2020-projects-old", "h2020-organizations-old",
                     "participations-reduced", "programme-parts", "organisations-h2020-2017", "organisations-fp7",
                     *_dashboard.ORDER, *_themes.ORDER]
            with bounded_memory(ws):  # staging, checks and loads: what exceeds the limit goes to disk
                for layout in order:
                    for m in by_layout.get(layout, []):
                        progress(f"reading {m.display}")
                        _LOADERS[layout](ws, m, framework=framework, encoding=encoding, report=report,
                                         others=by_layout, progress=progress)
                _drop_staging(ws)
            progress("updating organisations and locations")
            from innovatlas.organisations import derive_all

            derive_all(ws)
    return report


def _drop_staging(ws: Workspace) -> None:
    """Drop the staged files (ordinary tables of this transaction, see ``stage_csv(temporary=False)``)."""
    for t, temporary in ws.rows(Q.STAGING_TABLES):
        ws.execute(Q.drop_staged(t, temporary))


def _framework_of(m: _Member, given: str | None, values: list[str] | None = None) -> str:
    if given:
        fw = _FRAMEWORKS.get(given.upper())
        if not fw:
            raise InputError(f"unknown framework programme '{given}'", hint="use H2020, HORIZON or FP7")
        return fw
    if values:
        fws = {_FRAMEWORKS.get(v.upper(), v.upper()) for v in values if v}
        if len(fws) == 1:
            return fws.pop()
        raise InputError(f"the file mixes framework programmes: {', '.join(sorted(fws))}", file=m.display,
                         field="frameworkProgramme", hint="import one programme at a time")
    name = m.display.lower()
    for key, fw in (("h2020", "H2020"), ("horizon", "HORIZON"), ("fp7", "FP7")):
        if key in name:
            return fw
    raise InputError("cannot tell which framework programme this file belongs to", file=m.display,
                     hint="pass --framework H2020, HORIZON or FP7")


def _framework_of_old(ws: Workspace, m: _Member, given: str | None, others) -> str:
    """The programme of a file in the layout before 2021, which FP7 and Horizon 2020 (and FP1-FP6) share: the
    ``--framework`` given, else the projects file's ``frameworkProgramme`` or ``programme`` codes (``FP7-...``,
    ``H2020-...``), else the file names (``cordis-fp7organizations.csv``), else Horizon 2020 as before."""
    if given:
        return _framework_of(m, given)
    if others.get("h2020-projects-old"):
        codes = [r[0] for r in ws.rows(Q.old_project_frameworks(_columns(ws, "stg_project_old")))]
        if codes:
            return _framework_of(others["h2020-projects-old"][0], None, codes)
    for member in [m] + list(others.get("h2020-projects-old", [])):
        name = member.display.lower()
        for key, fw in (("fp7", "FP7"), ("h2020", "H2020"), ("horizon", "HORIZON")):
            if key in name:
                return fw
    return "H2020"


def _load_project_current(ws: Workspace, m: _Member, *, framework, encoding, report, others, progress) -> None:
    spec = LAYOUTS["project"]
    stage_csv(ws, m.path, spec, "stg_project", display=m.display, encoding=encoding, delimiter=m.delimiter,
              temporary=STAGE_TEMPORARY)
    check_not_empty(ws, "stg_project", m.display, ["id"])
    check_unique(ws, "stg_project", m.display, ["id"], "project id")
    check_numbers(ws, "stg_project", m.display, ["totalCost", "ecMaxContribution"], decimal_comma=True)
    check_whole(ws, "stg_project", m.display, ["rcn"] if _has(ws, "stg_project", "rcn") else [], 0, ID_MAX, ID_WHAT)
    check_dates(ws, "stg_project", m.display, ["startDate", "endDate"])
    columns = _columns(ws, "stg_project")
    has_rcn = "rcn" in columns
    if has_rcn:
        check_numbers(ws, "stg_project", m.display, ["rcn"])
    fws = [r[0] for r in ws.rows(Q.PROJECT_FRAMEWORKS)]
    fw = _framework_of(m, framework, fws)
    n = ws.scalar(QC.count_staged("stg_project"))
    # the organisation file belongs to the same dataset; hash both so either change re-imports
    org = others.get("organization", [])
    sha = sha256_of(m.path) + ("+" + sha256_of(org[0].path) if org else "")
    dataset = f"cordis:{fw}:participations"
    batch = replace_dataset(ws, source="cordis", dataset=dataset, path=m.path, display=m.display, rows=n,
                            licence=LICENCE, attribution=ATTRIBUTION, sha=sha)
    m.__dict__["framework"] = fw
    m.__dict__["batch"] = batch
    if batch is None:
        report.unchanged.append(dataset)
        return
    ws.execute(Q.insert_project_current(fw, columns, batch))
    ws.execute(Q.insert_project_part_current(fw, has_rcn, PROGRAMME_PARTS, batch))
    report.loaded[f"{dataset} (projects)"] = n


def _has(ws: Workspace, table: str, col: str) -> bool:
    return bool(ws.scalar(QC.staged_has_column(table, col)))


_columns = staged_columns


def _load_organization_current(ws: Workspace, m: _Member, *, framework, encoding, report, others, progress) -> None:
    proj = others["project"][0]
    batch = proj.__dict__.get("batch")
    fw = proj.__dict__["framework"]
    if batch is None:  # the project file was unchanged; the organisation file was hashed with it
        return
    spec = LAYOUTS["organization"]
    stage_csv(ws, m.path, spec, "stg_org", display=m.display, encoding=encoding, delimiter=m.delimiter,
              temporary=STAGE_TEMPORARY)
    check_values(ws, "stg_org", m.display, not_empty=["projectID", "organisationID"], numbers=["organisationID"],
                 decimal_comma=["ecContribution"])
    check_whole(ws, "stg_org", m.display, ["organisationID"], 0, ID_MAX, ID_WHAT)
    check_unique(ws, "stg_org", m.display, ["projectID", "organisationID", "role"], "participation (project, organisation, role)")
    orphan = ws.rows(Q.ORGANISATION_ORPHAN)
    if orphan:
        raise InputError(f"project '{orphan[0][1]}' is not in {proj.display}", file=m.display, row=orphan[0][0],
                         field="projectID", hint="import the project.csv and organization.csv of the same download")
    columns = _columns(ws, "stg_org")
    ws.execute(Q.insert_participation_current(columns, batch))
    ws.execute(Q.insert_organisation_record_current(columns, batch))
    ws.execute(QD.insert_attributes("stg_org", "organization", columns, "organisationID", 1, batch, m.display))
    ws.execute(QD.INSERT_BATCH_FILE(batch, m.display))  # the records' rows are organization.csv's, not project.csv's
    if "vatNumber" in columns:
        ws.execute(Q.insert_vat("stg_org", "organisationID", "vatNumber", "country", batch))
    report.loaded[f"cordis:{fw}:participations (participations)"] = ws.scalar(QC.count_staged("stg_org"))


def _load_projects_old(ws: Workspace, m: _Member, *, framework, encoding, report, others, progress) -> None:
    spec = LAYOUTS["h2020-projects-old"]
    stage_csv(ws, m.path, spec, "stg_project_old", display=m.display, encoding=encoding, delimiter=m.delimiter,
              temporary=STAGE_TEMPORARY)
    check_numbers(ws, "stg_project_old", m.display, ["rcn"])
    check_whole(ws, "stg_project_old", m.display, ["rcn"], 0, ID_MAX, ID_WHAT)
    check_unique(ws, "stg_project_old", m.display, ["rcn"], "project rcn")
    check_dates(ws, "stg_project_old", m.display, ["startDate", "endDate"])
    # projects are loaded together with the organisations file (same dataset)
    m.__dict__["staged"] = True


def _load_organizations_old(ws: Workspace, m: _Member, *, framework, encoding, report, others, progress) -> None:
    spec = LAYOUTS["h2020-organizations-old"]
    fw = _framework_of_old(ws, m, framework, others)
    stage_csv(ws, m.path, spec, "stg_org_old", display=m.display, encoding=encoding, delimiter=m.delimiter,
              temporary=STAGE_TEMPORARY)
    check_values(ws, "stg_org_old", m.display, not_empty=["projectRcn", "id"], numbers=["projectRcn", "id"],
                 decimal_comma=["ecContribution"])
    check_whole(ws, "stg_org_old", m.display, ["projectRcn", "id"], 0, ID_MAX, ID_WHAT)
    check_unique(ws, "stg_org_old", m.display, ["projectRcn", "id", "role"], "participation (project, organisation, role)")
    projects = others.get("h2020-projects-old", [])
    sha = sha256_of(m.path) + ("+" + sha256_of(projects[0].path) if projects else "")
    dataset = f"cordis:{fw}:participations"
    n = ws.scalar(QC.count_staged("stg_org_old"))
    batch = replace_dataset(ws, source="cordis", dataset=dataset, path=m.path, display=m.display, rows=n,
                            licence=LICENCE, attribution=ATTRIBUTION, sha=sha)
    if batch is None:
        report.unchanged.append(dataset)
        return
    if projects:
        p = "stg_project_old"
        ws.execute(Q.insert_project_old(fw, _columns(ws, p), batch))
        if _has(ws, p, "programme"):
            ws.execute(Q.insert_project_part_old(fw, PROGRAMME_PARTS, batch))
    # projects named only by the organisations file
    columns = _columns(ws, "stg_org_old")
    ws.execute(Q.insert_project_of_organisations_old(fw, columns, batch))
    ws.execute(Q.insert_participation_old(fw, batch))
    ws.execute(Q.insert_organisation_record_old(columns, batch))
    ws.execute(QD.insert_attributes("stg_org_old", "h2020-organizations-old", columns, "id", 1, batch, m.display))
    if "vatNumber" in columns:
        ws.execute(Q.insert_vat("stg_org_old", "id", "vatNumber", "country", batch))
    report.loaded[dataset] = n


def _load_reduced(ws: Workspace, m: _Member, *, framework, encoding, report, others, progress) -> None:
    spec = LAYOUTS["participations-reduced"]
    fw = _framework_of(m, framework or "H2020")
    t = "stg_reduced"
    stage_csv(ws, m.path, spec, t, display=m.display, encoding=encoding, delimiter=m.delimiter,
              temporary=STAGE_TEMPORARY)
    check_values(ws, t, m.display, not_empty=["rcn", "pic"],
                 numbers=["rcn", "pic", "contribution"] + [c for c in ("max_contribution", "total_cost") if _has(ws, t, c)],
                 dates=["start_date", "end_date"])
    check_whole(ws, t, m.display, ["rcn", "pic"], 0, ID_MAX, ID_WHAT)
    check_whole(ws, t, m.display, [c for c in ("start_year", "end_year") if _has(ws, t, c)], 1950, 2100, "a four-digit year")
    check_unique(ws, t, m.display, ["rcn", "pic", "role"], "participation (rcn, pic, role)")
    inconsistent = ws.rows(Q.inconsistent_start_date(t))
    if inconsistent:
        raise InputError(f"project {inconsistent[0][1]} has different start dates on different rows",
                         file=m.display, row=inconsistent[0][0], field="start_date",
                         hint="a project's dates must be the same on all its rows")
    dataset = f"cordis:{fw}:participations"
    n = ws.scalar(QC.count_staged(t))
    batch = replace_dataset(ws, source="cordis", dataset=dataset, path=m.path, display=m.display, rows=n,
                            licence=LICENCE, attribution=ATTRIBUTION)
    if batch is None:
        report.unchanged.append(dataset)
        return
    ws.execute(Q.insert_project_reduced(fw, t, _columns(ws, t), batch))
    ws.execute(Q.insert_participation_reduced(fw, t, batch))
    report.loaded[dataset] = n


def _load_parts(ws: Workspace, m: _Member, *, framework, encoding, report, others, progress) -> None:
    spec = LAYOUTS["programme-parts"]
    fw = _framework_of(m, framework or "H2020")
    t = "stg_parts"
    stage_csv(ws, m.path, spec, t, display=m.display, encoding=encoding, delimiter=m.delimiter,
              temporary=STAGE_TEMPORARY)
    check_values(ws, t, m.display, not_empty=["rcn", "programme_part"], numbers=["rcn"])
    check_whole(ws, t, m.display, ["rcn"], 0, ID_MAX, ID_WHAT)
    check_unique(ws, t, m.display, ["rcn", "programme_part"], "programme part of a project")
    dataset = f"cordis:{fw}:programme_parts"
    n = ws.scalar(QC.count_staged(t))
    batch = replace_dataset(ws, source="cordis", dataset=dataset, path=m.path, display=m.display, rows=n,
                            licence=LICENCE, attribution=ATTRIBUTION)
    if batch is None:
        report.unchanged.append(dataset)
        return
    ws.execute(Q.insert_project_part_table(fw, t, batch))
    report.loaded[dataset] = n


def _skip_without_id(ws: Workspace, table: str, col: str, display: str, report: ImportReport) -> None:
    """A name-table row without a PIC cannot be linked to anything: skip it and say so."""
    rows = [r[0] for r in ws.rows(Q.rows_without_id(table, col))]
    if rows:
        ws.execute(Q.delete_rows_without_id(table, col))
        shown = ", ".join(map(str, rows[:10])) + (" ..." if len(rows) > 10 else "")
        report.notes.append(f"{display}: {len(rows)} row(s) without {col} skipped (row {shown}): "
                            "an organisation without a PIC cannot be linked to participations")


def _stage_registry(ws: Workspace, m: _Member, layout: str, t: str, id_col: str, dataset: str, via: str, *,
                    encoding: str, report: ImportReport) -> int | None:
    """Stage an organisation name table keyed by PIC and open its batch (None: unchanged)."""
    stage_csv(ws, m.path, LAYOUTS[layout], t, display=m.display, encoding=encoding, delimiter=m.delimiter,
              temporary=STAGE_TEMPORARY)
    _skip_without_id(ws, t, id_col, m.display, report)
    check_numbers(ws, t, m.display, [id_col])
    check_whole(ws, t, m.display, [id_col], 0, ID_MAX, ID_WHAT)
    check_unique(ws, t, m.display, [id_col], "organisation id (PIC)")
    n = ws.scalar(QC.count_staged(t))
    batch = replace_dataset(ws, source="cordis", dataset=dataset, path=m.path, display=m.display, rows=n,
                            licence=LICENCE, attribution=f"{ATTRIBUTION} (via {via})")
    if batch is None:
        report.unchanged.append(dataset)
    else:
        report.loaded[dataset] = n
    return batch


def _load_orgs_2017(ws: Workspace, m: _Member, *, framework, encoding, report, others, progress) -> None:
    t = "stg_orgs2017"
    batch = _stage_registry(ws, m, "organisations-h2020-2017", t, "orgId", "cordis:organisations:h2020-2017",
                            "Spaghetti Open Data, MIT", encoding=encoding, report=report)
    if batch is None:
        return
    ws.execute(Q.insert_organisation_record_2017(t, _columns(ws, t), batch))


def _load_orgs_fp7(ws: Workspace, m: _Member, *, framework, encoding, report, others, progress) -> None:
    t = "stg_orgsfp7"
    batch = _stage_registry(ws, m, "organisations-fp7", t, "idOrganization", "cordis:organisations:fp7",
                            "GB1609 data warehouse", encoding=encoding, report=report)
    if batch is None:
        return
    # address = "street, city, postcode": the last part is the postcode when it holds a digit.
    ws.execute(Q.insert_organisation_record_fp7(t, batch))


_LOADERS = {
    "project": _load_project_current,
    "organization": _load_organization_current,
    "h2020-projects-old": _load_projects_old,
    "h2020-organizations-old": _load_organizations_old,
    "participations-reduced": _load_reduced,
    "programme-parts": _load_parts,
    "organisations-h2020-2017": _load_orgs_2017,
    "organisations-fp7": _load_orgs_fp7,
    **_dashboard.LOADERS,
    **_themes.LOADERS,
}


def fetch(dest: str | Path, frameworks: Iterable[str] = ("H2020",), progress: Progress | None = None) -> list[Path]:
    """Download the official CORDIS bulk zips (needs internet). Returns the files written."""
    dest = Path(dest)
    dest.mkdir(parents=True, exist_ok=True)
    out = []
    for fw in frameworks:
        fw = _FRAMEWORKS.get(fw.upper(), fw.upper())
        if fw not in FETCH_URLS:
            raise InputError(f"no download known for framework '{fw}'", hint=f"choose from {', '.join(FETCH_URLS)}")
        url = FETCH_URLS[fw]
        target = dest / Path(url).name
        (progress or (lambda _m: None))(f"downloading {url}")
        try:
            with urllib.request.urlopen(url, timeout=60) as resp, open(target.with_suffix(".part"), "wb") as fh:
                shutil.copyfileobj(resp, fh)
        except OSError as exc:
            raise InputError(f"download failed: {exc}", file=url,
                             hint="check your internet connection, or download the file in a browser and "
                                  "run 'innovatlas import cordis FILE'") from None
        target.with_suffix(".part").rename(target)
        out.append(target)
    return out
