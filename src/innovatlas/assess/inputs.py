"""Input files of the decision tools (YAML or TOML), validated with pydantic.

Every file names its tool with ``kind`` (partnership, portfolio, valorisation, proposal) and
a ``name`` under which versions are stored. Errors name the file and the field.
"""

from __future__ import annotations

import tomllib
from datetime import date
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, Field, ValidationError, field_validator

from innovatlas.errors import InputError

__all__ = ["read_input", "Rating", "RATINGS", "PartnershipInput", "PortfolioInput", "ValorisationInput", "ProposalInput",
           "AssessedItem"]

Rating = Literal["strong", "adequate", "concern", "serious_concern", "not_assessed"]
RATINGS = ("strong", "adequate", "concern", "serious_concern", "not_assessed")
_NAME = r"^[a-z0-9][a-z0-9_-]{0,62}$"


class AssessedItem(BaseModel, extra="forbid"):
    rating: Rating = "not_assessed"
    justification: str = ""
    evidence: list[str] = []


class PartnershipInput(BaseModel, extra="forbid"):
    """A proposed or existing strategic partnership (seed 000)."""

    kind: Literal["partnership"] = "partnership"
    name: str = Field(pattern=_NAME)
    title: str
    institution: list[int] = Field(min_length=1, description="PIC(s) of the university or knowledge institution")
    firms: list[int] = Field(min_length=1, description="PIC(s) of the firm(s)")
    scope: str = ""
    start: date
    end: date | None = None
    ecosystem: str = "nl"
    lang: Literal["en", "nl"] = "en"
    items: dict[str, AssessedItem] = {}

    @field_validator("items")
    @classmethod
    def _known_items(cls, v: dict[str, AssessedItem]) -> dict[str, AssessedItem]:
        from innovatlas.assess.partnership import ITEMS

        unknown = sorted(set(v) - set(ITEMS))
        if unknown:
            raise ValueError(f"unknown item(s) {', '.join(unknown)}; the items are: {', '.join(ITEMS)}")
        return v


class Relation(BaseModel, extra="forbid"):
    pic: int | None = None
    name: str
    role: Literal["customer", "supplier", "competitor", "university", "research_organisation", "large_firm", "sme",
                  "public_body", "other"]


class PortfolioInput(BaseModel, extra="forbid"):
    """An organisation's collaboration portfolio (seed 003)."""

    kind: Literal["portfolio"] = "portfolio"
    name: str = Field(pattern=_NAME)
    organisation: int
    size: Literal["sme", "large", "unknown"] = "unknown"
    own_rd_fte: float | None = Field(default=None, ge=0)
    wbso_hours: float | None = Field(default=None, ge=0)
    relations: list[Relation] = []
    ip_checklist: dict[Literal["background_defined", "foreground_ownership", "access_rights", "publication_rights",
                               "confidentiality", "exit_terms"], Literal["yes", "no", "unknown"]] = {}
    lang: Literal["en", "nl"] = "en"

    @field_validator("ip_checklist", mode="before")
    @classmethod
    def _yaml_booleans(cls, v):
        """YAML reads an unquoted yes/no as a boolean: take it as the answer it spells."""
        if isinstance(v, dict):
            return {k: ("yes" if a is True else "no" if a is False else a) for k, a in v.items()}
        return v


class ValorisationInput(BaseModel, extra="forbid"):
    """A knowledge institution's valorisation profile (seed 004); counts per year are optional imports."""

    kind: Literal["valorisation"] = "valorisation"
    name: str = Field(pattern=_NAME)
    institution: int
    spin_offs: dict[int, int] = {}
    patents: dict[int, int] = {}
    licences: dict[int, int] = {}
    contract_research_eur: dict[int, float] = {}
    lang: Literal["en", "nl"] = "en"


class Member(BaseModel, extra="forbid"):
    pic: int
    role: str
    contribution: str = ""


class Activity(BaseModel, extra="forbid"):
    name: str
    description: str = ""
    challenges: list[int] = Field(min_length=1)

    @field_validator("challenges")
    @classmethod
    def _ten(cls, v: list[int]) -> list[int]:
        bad = [c for c in v if not 1 <= c <= 10]
        if bad:
            raise ValueError(f"challenges are numbered 1-10, not {bad}")
        return v


class PathwayStep(BaseModel, extra="forbid"):
    level: Literal["activities", "outputs", "outcomes", "impact", "long_term"]
    description: str
    indicator: str = ""
    baseline: float | None = None
    target: float | None = None
    year: int | None = None


class ProposalInput(BaseModel, extra="forbid"):
    """The ecosystem-analysis section of a funding proposal (seed 001, section 4)."""

    kind: Literal["proposal"] = "proposal"
    name: str = Field(pattern=_NAME)
    title: str
    ecosystem: str
    consortium: list[Member] = Field(min_length=1)
    activities: list[Activity] = Field(min_length=1)
    impact_pathway: list[PathwayStep] = []
    lang: Literal["en", "nl"] = "en"


_MODELS = {"partnership": PartnershipInput, "portfolio": PortfolioInput, "valorisation": ValorisationInput,
           "proposal": ProposalInput}


def read_input(path: str | Path) -> dict:
    """``{"kind": ..., "model": <validated input>}`` from a .yaml/.yml/.toml file."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise InputError(f"cannot read the file: {exc.strerror}", file=str(path),
                         hint="check the path (see the files under examples/)") from None
    except UnicodeDecodeError as exc:
        raise InputError(f"the file is not UTF-8 text (byte {exc.object[exc.start]:#04x} at position {exc.start:,})",
                         file=str(path), hint="save the file as UTF-8") from None
    try:
        data = tomllib.loads(text) if path.suffix.lower() == ".toml" else yaml.safe_load(text)
    except RecursionError:
        raise InputError("the file is nested too deeply", file=str(path), hint="see the files under examples/") from None
    except (tomllib.TOMLDecodeError, yaml.YAMLError, ValueError) as exc:  # ValueError: a date like 2020-13-45
        raise InputError(f"not valid {'TOML' if path.suffix.lower() == '.toml' else 'YAML'}: {exc}", file=str(path),
                         hint="check the indentation and quotes around the line mentioned") from None
    if not isinstance(data, dict) or not isinstance(data.get("kind"), str) or data.get("kind") not in _MODELS:
        raise InputError("the file must start with 'kind: partnership', 'portfolio', 'valorisation' or 'proposal'",
                         file=str(path), field="kind", hint="see the files under examples/")
    try:
        model = _MODELS[data["kind"]].model_validate(data)
    except ValidationError as exc:
        err = exc.errors()[0]
        field = ".".join(str(x) for x in err["loc"])
        more = f" (and {len(exc.errors()) - 1} more)" if len(exc.errors()) > 1 else ""
        raise InputError(f"{err['msg']}{more}", file=str(path), field=field,
                         hint=f"see examples/ for a complete {data['kind']} file") from None
    return {"kind": data["kind"], "model": model}
