"""Ecosystem definitions: how an ecosystem is delineated, nested and read from TOML/YAML.

An ecosystem is the set of *participations* (an organisation's role in a project) that
pass two kinds of filter:

* organisation filters (``country``, ``nuts``, ``province``, ``corop``, ``municipality``,
  ``knowledge_city``, ``activity_type``, ``organisations``, ``neighbourhood``), and
* project filters (``programme_part``, ``topic``, ``keywords``, ``years``, ``framework``).

Within one filter a list means "any of"; different filters must all hold. The
ecosystem's *members* are the organisations with at least one participation in scope, its
*projects* the projects with at least one. Because every filter is about either the
organisation or the project, a participation is in scope exactly when its organisation is
a member and its project is an ecosystem project.

Definitions nest (``parent``) and may overlap; overlap is measured on members.

Example (TOML)::

    [[ecosystem]]
    id = "eindhoven"
    name_en = "Eindhoven"
    kind = "regional"
    parent = "nl"
    [ecosystem.select]
    knowledge_city = ["Eindhoven"]
"""

from __future__ import annotations

import re
import tomllib
from enum import Enum
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, Field, ValidationError, field_validator, model_validator

from innovatlas.errors import DefinitionError

__all__ = ["EcosystemKind", "Selector", "ActorSelector", "Neighbourhood", "EcosystemDefinition", "EcosystemSet",
           "read_definitions", "parse_definitions", "KNOWLEDGE_CITIES"]

#: The thirteen knowledge cities of seed 002 (Netwerk Kennissteden Nederland), with the
#: CBS municipality that carries each one (Den Haag is officially 's-Gravenhage).
KNOWLEDGE_CITIES: dict[str, str] = {
    "Amsterdam": "Amsterdam",
    "Den Haag": "'s-Gravenhage",
    "Delft": "Delft",
    "Eindhoven": "Eindhoven",
    "Enschede": "Enschede",
    "Groningen": "Groningen",
    "Leiden": "Leiden",
    "Maastricht": "Maastricht",
    "Nijmegen": "Nijmegen",
    "Rotterdam": "Rotterdam",
    "Tilburg": "Tilburg",
    "Utrecht": "Utrecht",
    "Wageningen": "Wageningen",
}

_ID = re.compile(r"^[a-z0-9][a-z0-9_-]{0,62}$")
#: a NUTS code of level 0 to 3: two letters, then up to three letters or digits (NL, NL3, NL33, NL333, NLZZZ)
_NUTS = re.compile(r"^[A-Z]{2}[0-9A-Z]{0,3}$")


def to_iso(code: str) -> str:
    """CORDIS country code to ISO 3166-1 alpha-2 (UK -> GB, EL -> GR)."""
    return {"UK": "GB", "EL": "GR"}.get(code.upper(), code.upper())


class EcosystemKind(str, Enum):
    REGIONAL = "regional"
    THEMATIC = "thematic"
    CUSTOM = "custom"


class Neighbourhood(BaseModel, extra="forbid"):
    """Organisations within ``order`` joint-project steps of the seed organisations."""

    seeds: list[int] = Field(min_length=1)
    order: int = Field(default=1, ge=1, le=3)


class ActorSelector(BaseModel, extra="forbid"):
    """Which of the user's own actors (``innovatlas actors import``) an ecosystem holds besides its CORDIS members.

    An actor the registry resolves to a member organisation is always in (as that member). Others are in
    when they meet every filter given here: ``types`` (actor types, e.g. ``startup``, ``financier``),
    place (``municipality``: CBS municipality names or codes of the actor's city; ``knowledge_city``), and
    relation (``related_to``: actor ids, ``pic:<n>`` or ``ror:<id>`` the actor has a relation of one of
    ``relation_types`` with, in either direction; ``related_to_members``: a relation with a member of this
    ecosystem). An empty selector (``actors = {}``) takes every imported actor.
    """

    types: list[str] = []
    municipality: list[str] = []
    knowledge_city: list[str] = []
    related_to: list[str] = []
    related_to_members: bool = False
    relation_types: list[str] = ["membership"]

    @field_validator("types", "relation_types")
    @classmethod
    def _lower(cls, v: list[str]) -> list[str]:
        return [x.strip().lower() for x in v]

    @field_validator("types")
    @classmethod
    def _known_type(cls, v: list[str]) -> list[str]:
        from innovatlas.model.actors import ActorType

        known = {t.value for t in ActorType}
        for t in v:
            if t not in known:
                raise ValueError(f"'{t}' is not an actor type: use one of {', '.join(sorted(known))}")
        return v

    @field_validator("relation_types")
    @classmethod
    def _known_relation(cls, v: list[str]) -> list[str]:
        from innovatlas.model.relations import RelationType

        known = {t.value for t in RelationType} - {"joint_project"}
        for t in v:
            if t not in known:
                raise ValueError(f"'{t}' is not a relation type: use one of {', '.join(sorted(known))}")
        return v

    @field_validator("knowledge_city")
    @classmethod
    def _known_city(cls, v: list[str]) -> list[str]:
        for city in v:
            if city not in KNOWLEDGE_CITIES:
                raise ValueError(f"'{city}' is not one of the knowledge cities: {', '.join(KNOWLEDGE_CITIES)}")
        return v


class Selector(BaseModel, extra="forbid"):
    """Filters that delineate an ecosystem. Empty lists mean "no filter".

    ``actors`` adds the user's own actors (:class:`ActorSelector`); it does not narrow the CORDIS scope.
    """

    country: list[str] = []
    #: NUTS codes of any level (NL, NL3, NL33, NL333): organisations whose NUTS code (``nutsCode`` of a CORDIS
    #: organization.csv) starts with one of them; organisations without a NUTS code in the data are left out
    nuts: list[str] = []
    province: list[str] = []
    corop: list[str] = []
    municipality: list[str] = []
    knowledge_city: list[str] = []
    activity_type: list[str] = []
    organisations: list[int] = []
    neighbourhood: Neighbourhood | None = None
    framework: list[str] = []
    programme_part: list[str] = []
    topic: list[str] = []
    keywords: list[str] = []
    years: tuple[int, int] | None = None
    #: a knowledge city as its municipality, with its adjacent municipalities, or its COROP region
    #: (resolved into municipality codes before delineation: see innovatlas.connect.regions)
    knowledge_city_scope: Literal["municipality", "adjacent", "corop"] = "municipality"
    #: the user's own actors in the ecosystem (issue 14); None: only those resolved to a member
    actors: ActorSelector | None = None

    @field_validator("country", "activity_type", "framework", "programme_part")
    @classmethod
    def _upper(cls, v: list[str]) -> list[str]:
        return [x.strip().upper() for x in v]

    @field_validator("nuts")
    @classmethod
    def _nuts_codes(cls, v: list[str]) -> list[str]:
        out = []
        for code in v:
            c = str(code).strip().upper()
            if not _NUTS.match(c):
                raise ValueError(f"'{code}' is not a NUTS code: write the two letters of the country as NUTS "
                                 "writes them (EL for Greece, UK for the United Kingdom) and up to three more "
                                 "letters or digits for the region, e.g. NL33 (NUTS-2) or NL333 (NUTS-3)")
            out.append(c)
        return out

    @field_validator("knowledge_city")
    @classmethod
    def _known_city(cls, v: list[str]) -> list[str]:
        for city in v:
            if city not in KNOWLEDGE_CITIES:
                raise ValueError(f"'{city}' is not one of the knowledge cities: {', '.join(KNOWLEDGE_CITIES)}")
        return v

    def is_empty(self) -> bool:
        return not any(v for k, v in self.model_dump().items() if k not in ("knowledge_city_scope", "actors"))


class EcosystemDefinition(BaseModel, extra="forbid"):
    """One ecosystem: an id, names in English and Dutch, a kind, a parent and its filters."""

    id: str
    name_en: str
    name_nl: str | None = None
    kind: EcosystemKind = EcosystemKind.CUSTOM
    parent: str | None = None
    description: str | None = None
    description_nl: str | None = None  # the description in Dutch, shown in nl pages
    select: Selector = Selector()

    @field_validator("id")
    @classmethod
    def _valid_id(cls, v: str) -> str:
        if not _ID.match(v):
            raise ValueError("must be lower-case letters, digits, '-' or '_' (at most 63), e.g. 'eindhoven'")
        return v

    @model_validator(mode="after")
    def _default_nl(self) -> "EcosystemDefinition":
        if self.name_nl is None:
            self.name_nl = self.name_en
        return self

    def name(self, lang: str = "en") -> str:
        return self.name_en if lang == "en" else (self.name_nl or self.name_en)


class EcosystemSet(BaseModel):
    """An ordered collection of definitions with checked ids and parents."""

    ecosystems: list[EcosystemDefinition]

    @model_validator(mode="after")
    def _check(self) -> "EcosystemSet":
        seen: set[str] = set()
        for eco in self.ecosystems:
            if eco.id in seen:
                raise ValueError(f"ecosystem id '{eco.id}' is defined twice")
            seen.add(eco.id)
        for eco in self.ecosystems:
            if eco.parent and eco.parent not in seen:
                raise ValueError(f"ecosystem '{eco.id}' names parent '{eco.parent}', which is not defined")
        parent = {e.id: e.parent for e in self.ecosystems}
        for eco in self.ecosystems:  # parents form a tree: following them never comes back
            chain, cur = [eco.id], eco.parent
            while cur is not None and cur not in chain:
                chain.append(cur)
                cur = parent.get(cur)
            if cur is not None:
                loop = " -> ".join(chain[chain.index(cur):] + [cur])
                raise ValueError(f"ecosystem '{eco.id}' is its own ancestor ({loop}); parents must form a tree")
        return self

    def __iter__(self):  # type: ignore[override]
        return iter(self.ecosystems)

    def get(self, eco_id: str) -> EcosystemDefinition | None:
        return next((e for e in self.ecosystems if e.id == eco_id), None)

    def children(self, eco_id: str) -> list[EcosystemDefinition]:
        return [e for e in self.ecosystems if e.parent == eco_id]

    def merged(self, other: "EcosystemSet") -> "EcosystemSet":
        """This set with ``other``'s definitions added; an id in both takes ``other``'s."""
        ids = {e.id for e in other.ecosystems}
        return EcosystemSet(ecosystems=[e for e in self.ecosystems if e.id not in ids] + other.ecosystems)


def parse_definitions(data: dict, *, origin: str = "<definitions>", base: EcosystemSet | None = None) -> EcosystemSet:
    """Validate a parsed TOML/YAML document with an ``ecosystem`` list.

    With ``base``, the result is ``base`` with these definitions added (an id in both takes
    the new definition), and parents may be ecosystems of ``base``.
    """
    items = data.get("ecosystem", data.get("ecosystems"))
    if not isinstance(items, list) or not items:
        raise DefinitionError(
            f"{origin}: expected a list of ecosystems under the key 'ecosystem' "
            "(TOML: [[ecosystem]] tables; YAML: 'ecosystem:' followed by a list)")
    keep = []
    if base is not None:
        new_ids = {i.get("id") for i in items if isinstance(i, dict)}
        keep = [e for e in base.ecosystems if e.id not in new_ids]
    try:
        return EcosystemSet(ecosystems=keep + items)
    except ValidationError as exc:
        lines = []
        for err in exc.errors():
            loc = list(err["loc"])
            if len(loc) >= 2 and loc[0] == "ecosystems" and isinstance(loc[1], int):
                idx = loc[1] - len(keep)
                eco_id = items[idx].get("id", "?") if isinstance(items[idx], dict) else "?"
                where = f"ecosystem #{idx + 1} ('{eco_id}')"
                field = ".".join(str(x) for x in loc[2:])
            else:
                where, field = "definitions", ".".join(str(x) for x in loc)
            lines.append(f"{where}" + (f", field '{field}'" if field else "") + f": {err['msg'].removeprefix('Value error, ')}")
        raise DefinitionError(f"{origin}: invalid ecosystem definition\n  " + "\n  ".join(lines)) from None


def read_definitions(path: str | Path, base: EcosystemSet | None = None) -> EcosystemSet:
    """Read ecosystem definitions from a ``.toml``, ``.yaml`` or ``.yml`` file."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise DefinitionError(f"cannot read ecosystem definitions {path}: {exc.strerror}. "
                              "Check the path (an example: examples/ecosystems.toml)") from None
    except UnicodeDecodeError as exc:
        raise DefinitionError(f"{path}: not UTF-8 text (byte {exc.object[exc.start]:#04x} at position {exc.start:,}); "
                              "save the file as UTF-8") from None
    try:
        if path.suffix.lower() == ".toml":
            data = tomllib.loads(text)
        elif path.suffix.lower() in {".yaml", ".yml"}:
            data = yaml.safe_load(text) or {}
        else:
            raise DefinitionError(f"{path}: use a .toml, .yaml or .yml file for ecosystem definitions")
    except (tomllib.TOMLDecodeError, yaml.YAMLError, ValueError) as exc:  # ValueError: a date like 2020-13-45
        raise DefinitionError(f"{path}: not valid {path.suffix[1:].upper()}: {exc}") from None
    except RecursionError:
        raise DefinitionError(f"{path}: nested too deeply to be ecosystem definitions") from None
    if not isinstance(data, dict):
        raise DefinitionError(f"{path}: expected a list of ecosystems under the key 'ecosystem' "
                              "(TOML: [[ecosystem]] tables; YAML: 'ecosystem:' followed by a list)")
    return parse_definitions(data, origin=str(path), base=base)
