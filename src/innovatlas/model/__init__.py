"""The framework's vocabulary: actor, relation and activity types, ecosystems, indicators.

Pure: no I/O except reading the indicator catalogue shipped inside the package.
"""

from innovatlas.model.actors import ActorType, CordisActivity, actor_type_for_cordis, label
from innovatlas.model.ecosystem import EcosystemDefinition, EcosystemKind, EcosystemSet, Selector
from innovatlas.model.indicators import IndicatorSpec, load_catalogue
from innovatlas.model.relations import ActivityType, RelationType

__all__ = [
    "ActorType",
    "CordisActivity",
    "actor_type_for_cordis",
    "label",
    "RelationType",
    "ActivityType",
    "EcosystemDefinition",
    "EcosystemKind",
    "EcosystemSet",
    "Selector",
    "IndicatorSpec",
    "load_catalogue",
]
