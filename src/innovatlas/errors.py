"""Exceptions raised by innovatlas.

Tree::

    InnovatlasError                 root of everything we raise on purpose
    ├── InputError(ValueError)      bad user input: a file, a row, a field, and what to do
    ├── WorkspaceError              the workspace file cannot be opened or has a newer schema
    │   └── WorkspaceBusy           another process holds the workspace open (exit 2: wait or close it)
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
    "WorkspaceBusy",
    "UnknownEcosystem",
    "DefinitionError",
    "missing_path",
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
        1-based row, when known. Sources that read the official files count data rows (the
        first row after the header is row 1); the user's own templates (values, qualitative,
        targets, definitions) give the row as a spreadsheet shows it (the header is row 1).
    line:
        1-based line of the file (the header is line 1), when the parser reports lines.
    field:
        Column name, when known.
    hint:
        What the user can do about it.
    """

    exit_code = 2

    def __init__(self, problem: str, *, file: str | None = None, row: int | None = None,
                 line: int | None = None, field: str | None = None, hint: str | None = None,
                 more: "list[InputError] | None" = None, total: int | None = None):
        self.problem = problem
        self.file = file
        self.row = row
        self.line = line
        self.field = field
        self.hint = hint
        #: every problem found (this one first), when a validation reports several at once
        self.errors: list[InputError] = [self, *(more or [])]
        #: how many problems there were in all (more than ``len(errors)`` when the list was cut)
        self.total = max(total or 0, len(self.errors))
        super().__init__(self.render())

    @classmethod
    def several(cls, problems: "list[InputError]", total: int | None = None) -> "InputError":
        """One error that reports every problem in ``problems`` (the first gives file, row and field)."""
        first = problems[0]
        return cls(first.problem, file=first.file, row=first.row, line=first.line, field=first.field,
                   hint=first.hint, more=problems[1:], total=total)

    def _where(self, with_file: bool = True) -> str:
        where = []
        if self.file and with_file:
            where.append(f"file {self.file}")
        if self.row is not None:
            where.append(f"row {self.row}")
        if self.line is not None:
            where.append(f"line {self.line}")
        if self.field:
            where.append(f"field '{self.field}'")
        return ", ".join(where)

    def render(self) -> str:
        if len(getattr(self, "errors", [])) > 1:
            shown = len(self.errors)
            head = f"{self.total} problems in file {self.file}" + (f" (the first {shown} shown)" if self.total > shown else "") + ":"
            lines = [head]
            hints: list[str] = []
            for e in self.errors:
                lines.append(f"  {e._where(with_file=False)}: {e.problem}")
                if e.hint and e.hint not in hints:
                    hints.append(e.hint)
            return "\n".join(lines) + "".join(f"\nWhat to do: {h}" for h in hints)
        where = self._where()
        text = (where + ": " if where else "") + self.problem
        if self.hint:
            text += f"\nWhat to do: {self.hint}"
        return text


class WorkspaceError(InnovatlasError):
    """The workspace cannot be used as it is."""


class WorkspaceBusy(WorkspaceError):
    """Another process (an import, 'innovatlas serve') holds the workspace's lock."""

    exit_code = 2


class UnknownEcosystem(InnovatlasError, KeyError):
    """An ecosystem id that no definition provides."""

    def __init__(self, name: str, known: list[str]):
        import difflib

        self.name = name
        self.known = known
        #: the closest known id (case-insensitive), or None
        #: the closest known ids (case-insensitive), best first
        self.suggestions = difflib.get_close_matches(str(name).lower(), known, n=3, cutoff=0.6)
        self.suggestion = next(iter(self.suggestions), None)
        hint = (f" Did you mean '{self.suggestion}'?" + (" (or " + " or ".join(f"'{x}'" for x in self.suggestions[1:]) + ")"
                                                          if len(self.suggestions) > 1 else "")) if self.suggestions else ""
        super().__init__(
            f"no ecosystem called '{name}'.{hint} Known ecosystems: {', '.join(known) or '(none)'}."
            " Run 'innovatlas analyse' after importing data, or add a definition with --ecosystems FILE."
        )

    def __str__(self) -> str:  # KeyError would quote the message
        return self.args[0]


class DefinitionError(InnovatlasError, ValueError):
    """An ecosystem definition (TOML/YAML) is invalid."""

    exit_code = 2


def missing_path(path, what: str = "file") -> InputError:
    """The error for a path that does not exist: where it was looked for and the nearest names that do."""
    import difflib
    from pathlib import Path

    p = Path(path)
    parent = p.parent if str(p.parent) not in ("", ".") else Path(".")
    near: list[str] = []
    if parent.is_dir():
        names = [c.name for c in parent.iterdir()]
        near = [str(parent / n) if str(parent) != "." else n for n in difflib.get_close_matches(p.name, names, n=3, cutoff=0.6)]
    elif parent.parent.is_dir():
        folders = [c.name for c in parent.parent.iterdir() if c.is_dir()]
        near = [str(parent.parent / n / p.name) for n in difflib.get_close_matches(parent.name, folders, n=3, cutoff=0.6)]
    where = f"relative paths are read from {Path.cwd()}" if not p.is_absolute() else "check the path"
    hint = (f"did you mean {' or '.join(near)}? ({where})" if near else f"check the path ({where})")
    return InputError(f"no such {what}", file=str(path), hint=hint)
