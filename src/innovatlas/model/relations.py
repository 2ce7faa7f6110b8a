"""Relation and activity types of the framework (seed 001)."""

from __future__ import annotations

from enum import Enum

__all__ = ["RelationType", "ActivityType"]


class RelationType(str, Enum):
    """Kinds of relation between actors. CORDIS gives joint projects; the rest come from other sources."""

    JOINT_PROJECT = "joint_project"
    CO_PUBLICATION = "co_publication"
    DUAL_APPOINTMENT = "dual_appointment"
    FUNDING = "funding"
    SPIN_OFF = "spin_off"
    FACILITY_USE = "facility_use"
    MEMBERSHIP = "membership"

    def label(self, lang: str = "en") -> str:
        return _REL_LABELS[self][0 if lang == "en" else 1]


_REL_LABELS = {
    RelationType.JOINT_PROJECT: ("Joint project", "Gezamenlijk project"),
    RelationType.CO_PUBLICATION: ("Co-publication", "Copublicatie"),
    RelationType.DUAL_APPOINTMENT: ("Dual appointment", "Dubbelaanstelling"),
    RelationType.FUNDING: ("Funding", "Financiering"),
    RelationType.SPIN_OFF: ("Spin-off parentage", "Spin-off-relatie"),
    RelationType.FACILITY_USE: ("Facility use", "Gebruik van faciliteit"),
    RelationType.MEMBERSHIP: ("Membership", "Lidmaatschap"),
}


class ActivityType(str, Enum):
    """Activities in the ecosystem (seed 001); they feed back into each other."""

    DIRECTION = "direction"
    RESEARCH = "research"
    DEVELOPMENT = "development"
    ENTREPRENEURSHIP = "entrepreneurship"
    PRODUCTION = "production"
    HUMAN_CAPITAL = "human_capital"
    VALORISATION = "valorisation"
    FINANCING = "financing"
    FACILITIES = "facilities"

    def label(self, lang: str = "en") -> str:
        return _ACT_LABELS[self][0 if lang == "en" else 1]


_ACT_LABELS = {
    ActivityType.DIRECTION: ("Giving direction and leadership", "Richting geven en leiderschap"),
    ActivityType.RESEARCH: ("Fundamental, applied and experimental research", "Fundamenteel, toegepast en experimenteel onderzoek"),
    ActivityType.DEVELOPMENT: ("Development and innovation", "Ontwikkeling en innovatie"),
    ActivityType.ENTREPRENEURSHIP: ("Entrepreneurship", "Ondernemerschap"),
    ActivityType.PRODUCTION: ("Production and value chains", "Productie en waardeketens"),
    ActivityType.HUMAN_CAPITAL: ("Strengthening human capital", "Versterken van menselijk kapitaal"),
    ActivityType.VALORISATION: ("Valorisation and knowledge transfer", "Valorisatie en kennisoverdracht"),
    ActivityType.FINANCING: ("Financing and investment", "Financiering en investering"),
    ActivityType.FACILITIES: ("Building and running facilities", "Bouwen en exploiteren van faciliteiten"),
}
