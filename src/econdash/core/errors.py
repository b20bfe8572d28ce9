"""The project's errors and problems, each with a message a person can act on.

A `Problem` is one thing wrong with one file (an error stops that period from
loading, a warning does not). `EcondashError` is the single base exception;
only `cli.py` turns it into an exit code and the app into an error screen.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

Severity = Literal["error", "warning"]


# How a location names a row and a column: (row, its column, a column alone).
LOCATION_WORDS = {
    "en": (" row {}", ", column {}", " column {}"),
    "zh": (" 第 {} 行", "，列 {}", " 列 {}"),
}

@dataclass(frozen=True)
class Problem:
    """One error or warning, located in a file by TOML line or CSV row/column."""

    file: str
    message: str
    severity: Severity = "error"
    line: int | None = None
    row: int | None = None
    column: str | None = None

    @property
    def location(self) -> str:
        """`file:line`, `file row N, column C` or just the file."""
        return self.location_in("en")

    def location_in(self, lang: str) -> str:
        """The location in `lang` ("file 第 N 行，列 'C'" in Chinese)."""
        row, row_column, column = LOCATION_WORDS.get(lang, LOCATION_WORDS["en"])
        where = self.file
        if self.line is not None:
            where += f":{self.line}"
        if self.row is not None:
            where += row.format(self.row)
            if self.column:
                where += row_column.format(repr(self.column))
        elif self.column:
            where += column.format(repr(self.column))
        return where

    def __str__(self) -> str:
        return f"{self.location}: {self.severity}: {self.message}"


class EcondashError(Exception):
    """Base error: its message is written for the person using econdash."""

    def __init__(self, message: str, problems: Iterable[Problem] = ()) -> None:
        super().__init__(message)
        self.message = message
        self.problems = tuple(problems)


class DatasetError(EcondashError):
    """The dataset as a whole cannot be opened (no such folder, no periods ...)."""


class FileProblem(EcondashError):
    """Raised inside a loader for one file; carries its located `Problem`."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(str(problem), [problem])
        self.problem = problem


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """A ` (did you mean 'x'?)` hint for a misspelt key or column, or ''."""
    match = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f" (did you mean {match[0]!r}?)" if match else ""


def display_path(path: Path, root: Path | None) -> str:
    """The path as a person should see it: relative to the dataset when inside it."""
    if root is not None:
        try:
            return path.relative_to(root).as_posix() or path.name
        except ValueError:
            pass
    return str(path)
