"""innovatlas: map, measure and diagnose research-and-innovation ecosystems (Dutch framework).

Public API::

    from innovatlas import Workspace, analyse, summary, load_definitions
"""

from innovatlas.analysis import analyse, load_definitions, overlaps, summary
from innovatlas.errors import InnovatlasError, InputError
from innovatlas.store import Workspace

__version__ = "0.1.0"
__all__ = ["Workspace", "analyse", "summary", "overlaps", "load_definitions", "InnovatlasError", "InputError",
           "__version__"]
