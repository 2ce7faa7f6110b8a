"""Indicators of the framework computed from the workspace, with provenance on every value."""

from innovatlas.indicators.base import REGISTRY, Indicator, compute_all, compute_signals, register
from innovatlas.indicators import collaboration, organisation_degree, participation, publications, signals  # noqa: F401  (registers)

__all__ = ["Indicator", "REGISTRY", "compute_all", "compute_signals", "register"]
