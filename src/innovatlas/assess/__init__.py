"""Decisions backed by data: strategic-partnership assessment (seed 000, Rathenau),
collaboration portfolios (seed 003), valorisation profiles (seed 004) and the
ecosystem-analysis section of a funding proposal (seed 001, section 4).

Each tool reads a YAML or TOML input file (:func:`read_input`), computes its evidence from the
workspace, is stored and versioned (:mod:`innovatlas.assess.store`) and is rendered as HTML and
PDF by :mod:`innovatlas.report.decisions`.
"""

from innovatlas.assess.inputs import read_input
from innovatlas.assess.store import compare_versions, list_assessments, load_assessment, save_assessment

__all__ = ["read_input", "save_assessment", "load_assessment", "list_assessments", "compare_versions", "run"]


def run(ws, path, *, save: bool = True):
    """Read an input file, run its tool and (by default) store the result as a new version."""
    from innovatlas.assess import partnership, portfolio, proposal, valorisation

    data = read_input(path)
    tools = {"partnership": partnership.assess, "portfolio": portfolio.assess, "valorisation": valorisation.assess,
             "proposal": proposal.assess}
    model = data["model"]
    result = tools[data["kind"]](ws, model)
    if save:
        result["version"] = save_assessment(ws, name=model.name, kind=data["kind"], input_=model.model_dump(mode="json"),
                                            result=result, file=str(path))
    return data["kind"], model, result
