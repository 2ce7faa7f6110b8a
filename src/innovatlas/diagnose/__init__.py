"""Diagnosis against the ten challenges of the cabinet strategy (seed 001, Box 3) and the
system- and transformation-failure rationales, with explained rules and thresholds.

See :mod:`innovatlas.diagnose.rules` for the rules, :data:`CHALLENGES` for which indicators
and signals each challenge rests on and why.
"""

from innovatlas.diagnose.rules import CHALLENGES, THRESHOLDS, check_ecosystem, diagnose_all, findings_of

__all__ = ["CHALLENGES", "THRESHOLDS", "check_ecosystem", "diagnose_all", "findings_of"]
