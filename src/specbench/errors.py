"""Exceptions raised by the library; the CLI turns each into one line and an exit code."""

from __future__ import annotations

from dataclasses import dataclass


def clip(text: object, limit: int = 60) -> str:
    """User input as an error message quotes it: on one line, and cut when long, so that one
    bad value stays one line."""
    shown = " ".join(str(text).split())
    return shown if len(shown) <= limit else shown[: limit - 1] + "…"


class SpecbenchError(Exception):
    """Base class for every error a user can cause."""

    exit_code = 1


class UsageError(SpecbenchError):
    """The command was called with arguments that cannot work."""

    exit_code = 2


class UnitError(SpecbenchError):
    """A value is not a quantity, or not of the expected dimension."""


class UnknownChipError(SpecbenchError):
    """A chip name matches no catalogue entry."""

    def __init__(self, name: str, suggestions: list[str]) -> None:
        self.name = name
        self.suggestions = suggestions
        hint = (
            f"; did you mean {', '.join(suggestions)}?"
            if suggestions
            else ("; run `specbench list` to see the catalogue")
        )
        super().__init__(f"unknown chip {clip(name)!r}{hint}")  # a pasted page is not echoed whole


class AmbiguousChipError(UnknownChipError):
    """A name that no entry has is part of the names of several families."""

    SHOWN = 10  # families named in the message; "NVIDIA" has more

    def __init__(self, name: str, families: list[tuple[str, str]]) -> None:
        """``families``: each family's name and the name of its default SKU."""
        self.name = name
        self.families = families
        self.suggestions = [sku for _family, sku in families]
        shown = ", ".join(f"{family} (default SKU {sku})" for family, sku in families[: self.SHOWN])
        more = f" and {len(families) - self.SHOWN} more (see `specbench list`)" if len(families) > self.SHOWN else ""
        SpecbenchError.__init__(
            self, f"{clip(name)!r} names {len(families)} families: {shown}{more}; name a family or a SKU"
        )


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a spec file: where, what value, and what was expected."""

    file: str
    field: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}: {self.field}" if self.field else self.file
        return f"{where}: {self.message}"


class SpecError(SpecbenchError):
    """One or more spec files are invalid; ``problems`` lists every one."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        first = str(problems[0]) if problems else "invalid spec"
        more = len(problems) - 1
        tail = f" (and {more} more; run `specbench lint` for all)" if more else ""
        super().__init__(first + tail)


class InputError(SpecbenchError):
    """An input file cannot be read as UTF-8 text."""


class DatasetError(SpecbenchError):
    """A reference dataset cannot be read: a missing file, not a CSV, or a column missing."""


class OutputError(SpecbenchError):
    """An output file could not be written."""
