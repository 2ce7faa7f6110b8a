"""The theme tables of the CORDIS bulk downloads (``legalBasis.csv``, ``topics.csv``, ``euroSciVoc.csv``).

The current-layout zips (``cordis-HORIZONprojects-csv.zip``, ``cordis-h2020projects-csv.zip``) hold them
next to ``project.csv`` and ``organization.csv``; a user who unpacks the zip and imports the folder
imports them too. ``legalBasis.csv`` (``projectID, legalBasis, title, uniqueProgrammePart``) gives every
programme part of a project, where ``project.csv`` gives only its main legal basis: its parts are added
to the projects of the workspace with that grant number (and the programme its legal-basis code names:
``HORIZON.`` Horizon Europe, ``H2020-`` Horizon 2020). ``topics.csv`` and ``euroSciVoc.csv`` are
recognised and left out with a note (the topic is in ``project.csv``; the EuroSciVoc fields have no
place in the workspace yet). CORDIS writes these files with ';'; copies re-saved with ',' are read too
(the ones in ``../shared/data/cordis-horizon-europe-project-themes``).
"""

from __future__ import annotations

from innovatlas.sources import ImportReport
from innovatlas.sources._common import replace_dataset
from innovatlas.store import Workspace
from innovatlas.store.load import CsvSpec, check_values, stage_csv
from innovatlas.store.queries import sources_common as QC
from innovatlas.store.queries import sources_themes as Q

__all__ = ["LAYOUTS", "LOADERS", "ORDER"]

_LEGAL = dict(required=("projectID", "legalBasis"), optional=("title", "uniqueProgrammePart"))
_TOPICS = dict(required=("projectID", "topic", "title"))
_ESV = dict(required=("projectID", "euroSciVocCode", "euroSciVocPath"),
            optional=("euroSciVocTitle", "euroSciVocDescription"))

LAYOUTS: dict[str, CsvSpec] = {
    "legal-basis": CsvSpec("CORDIS legalBasis.csv", ";", **_LEGAL),
    "legal-basis-comma": CsvSpec("CORDIS legalBasis.csv (re-saved with ',')", ",", **_LEGAL),
    "topics": CsvSpec("CORDIS topics.csv", ";", **_TOPICS),
    "topics-comma": CsvSpec("CORDIS topics.csv (re-saved with ',')", ",", **_TOPICS),
    "euroscivoc": CsvSpec("CORDIS euroSciVoc.csv", ";", **_ESV),
    "euroscivoc-comma": CsvSpec("CORDIS euroSciVoc.csv (re-saved with ',')", ",", **_ESV),
}


def _load_legal_basis(ws: Workspace, m, *, framework, encoding, report: ImportReport, others, progress) -> None:
    from innovatlas.sources.cordis import LICENCE, ATTRIBUTION, PROGRAMME_PARTS

    t = "stg_legalbasis"
    stage_csv(ws, m.path, LAYOUTS[m.layout], t, display=m.display, encoding=encoding, delimiter=m.delimiter,
              temporary=False)
    check_values(ws, t, m.display, not_empty=["projectID", "legalBasis"], numbers=["projectID"])
    n = ws.scalar(QC.count_staged(t))
    name = m.display.replace("\\", "/").split("/")[-1].split("!")[-1]
    dataset = f"cordis:legal-basis:{name}"
    batch = replace_dataset(ws, source="cordis", dataset=dataset, path=m.path, display=m.display, rows=n,
                            licence=LICENCE, attribution=ATTRIBUTION)
    if batch is None:
        report.unchanged.append(dataset)
        return
    ws.execute(Q.insert_parts(t, PROGRAMME_PARTS, batch))
    (projects, matched), = ws.rows(Q.matched_projects(t))
    report.loaded[dataset] = n
    if matched < projects:
        report.notes.append(f"{m.display}: {projects - matched:,} of {projects:,} projects are not in the workspace; "
                            "their programme parts are left out (import the project.csv of the same download with it)")


def _note_only(ws: Workspace, m, *, framework, encoding, report: ImportReport, others, progress) -> None:
    what = "the topic is read from project.csv" if m.layout.startswith("topics") else \
        "the EuroSciVoc fields have no place in the workspace yet"
    report.notes.append(f"{m.display}: recognised ({LAYOUTS[m.layout].name}) and left out: {what}")


LOADERS = {"legal-basis": _load_legal_basis, "legal-basis-comma": _load_legal_basis,
           "topics": _note_only, "topics-comma": _note_only, "euroscivoc": _note_only, "euroscivoc-comma": _note_only}
#: after the projects of the same import
ORDER = tuple(LOADERS)
