"""Exceptions raised by innovatlas.

Tree::

    InnovatlasError                 root of everything we raise on purpose
    ├── InputError(ValueError)      bad user input: a file, a row, a field, and what to do
    ├── WorkspaceError              the workspace file cannot be opened or has a newer schema
    ├── UnknownEcosystem(KeyError)  an ecosystem id that is not defined
    └── DefinitionError(ValueError) an invalid ecosystem definition file

Each message says what happened, where (file, row, field), and how to fix it. The CLI
prints the message without a traceback and exits non-zero.
"""

from __future__ import annotations

__all__ = [
    "InnovatlasError",
    "InputError",
    "WorkspaceError",
    "UnknownEcosystem",
    "DefinitionError",
]


class InnovatlasError(Exception):
    """Root of all errors innovatlas raises on purpose."""

    exit_code = 1


class InputError(InnovatlasError, ValueError):
    """A file the user gave us is not what we expect.

    Parameters
    ----------
    problem:
        What is wrong, in one sentence.
    file:
        The file (or zip member) concerned.
    row:
        1-based data row (the first row after the header is row 1), when known.
    line:
        1-based line of the file (the header is line 1), when the parser reports lines.
    field:
        Column name, when known.
    hint:
        What the user can do about it.
    """

    exit_code = 2

    def __init__(self, problem: str, *, file: str | None = None, row: int | None = None,
                 line: int | None = None, field: str | None = None, hint: str | None = None):
        self.problem = problem
        self.file = file
        self.row = row
        self.line = line
        self.field = field
        self.hint = hint
        super().__init__(self.render())

    def render(self) -> str:
        where = []
        if self.file:
            where.append(f"file {self.file}")
        if self.row is not None:
            where.append(f"row {self.row}")
        if self.line is not None:
            where.append(f"line {self.line}")
        if self.field:
            where.append(f"field '{self.field}'")
        text = (", ".join(where) + ": " if where else "") + self.problem
        if self.hint:
            text += f"\nWhat to do: {self.hint}"
        return text


class WorkspaceError(InnovatlasError):
    """The workspace cannot be used as it is."""


class UnknownEcosystem(InnovatlasError, KeyError):
    """An ecosystem id that no definition provides."""

    def __init__(self, name: str, known: list[str]):
        self.name = name
        self.known = known
        super().__init__(
            f"no ecosystem called '{name}'. Known ecosystems: {', '.join(known) or '(none)'}."
            " Run 'innovatlas analyse' after importing data, or add a definition with --ecosystems FILE."
        )

    def __str__(self) -> str:  # KeyError would quote the message
        return self.args[0]


class DefinitionError(InnovatlasError, ValueError):
    """An ecosystem definition (TOML/YAML) is invalid."""

    exit_code = 2
