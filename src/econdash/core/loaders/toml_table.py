"""Typed, located access to one TOML table: every bad value becomes a Problem.

`TableReader.text("name", required=True)` returns the value or None, and on a
wrong type or a missing key records an error naming the file, the line and
the table (e.g. "indicator 3 'above_scale_output'"). Text comes back with the
control characters that could act on a terminal escaped (`safetext.clean`),
with a warning where that changed it.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Iterable
from typing import Any

from econdash.core.errors import Problem, did_you_mean
from econdash.core.loaders.numbers import parse_number, shorten
from econdash.core.loaders.toml_lines import TomlLines
from econdash.core.safetext import DANGEROUS, clean, escape_of, has_dangerous


class TableReader:
    """Reads keys of one table, collecting located problems."""

    def __init__(self, table: Any, kind: str, index: int, lines: TomlLines,
                 shown: str, problems: list[Problem]) -> None:
        self.table = table if isinstance(table, dict) else {}
        self.kind, self.index, self.lines = kind, index, lines
        self.shown, self.problems = shown, problems
        self.label = kind if kind == "period" else f"{kind} {index + 1}"
        if not isinstance(table, dict):
            self.error(None, f"must be a table of keys, not {type(table).__name__}")

    def line(self, key: str | None) -> int | None:
        """Line of `key` in this table (or of the table's header)."""
        if key is None:
            return self.lines.table(self.kind, self.index)
        return self.lines.key(self.kind, self.index, key)

    def error(self, key: str | None, message: str, severity: str = "error") -> None:
        """Record a problem located at `key`."""
        subject = f"{self.label}, key {key!r}: " if key else f"{self.label}: "
        self.problems.append(Problem(self.shown, subject + message, severity,  # type: ignore[arg-type]
                                     line=self.line(key)))

    def name_self(self, name: str) -> None:
        """Include the table's own id in later messages: `indicator 3 'gdp'`."""
        self.label = f"{self.kind} {self.index + 1} {name!r}"

    def check_keys(self, known: Iterable[str]) -> None:
        """Misspelt keys are errors (their value would be lost); other extras warn."""
        known = list(known)
        for key in self.table:
            if key in known:
                continue
            hint = did_you_mean(key, [k for k in known if k not in self.table])
            if hint:
                self.error(key, f"unknown key{hint}")
            else:
                self.error(key, "unknown key; ignored", severity="warning")

    def text(self, key: str, required: bool = False) -> str | None:
        """A non-empty string, NFKC-normalised and trimmed."""
        raw = self.table.get(key)
        if raw is None:
            if required:
                self.error(None, f"the required key {key!r} is missing")
            return None
        if isinstance(raw, (int, float)) and not isinstance(raw, bool) and not required:
            raw = str(raw)
        if not isinstance(raw, str):
            self.error(key, f"must be text in quotes, not {shorten(raw)}")
            return None
        value = unicodedata.normalize("NFKC", raw).strip()
        if not value and required:
            self.error(key, "must not be empty")
            return None
        if has_dangerous(value):  # ESC, BEL ... could act on the terminal that shows them
            self.error(key, f"contains control characters (shown as {_escapes(value)})",
                       severity="warning")
            value = clean(value)
        return value or None

    def number(self, key: str) -> float | None:
        """A number, or report-style number text; missing markers are None."""
        if key not in self.table:
            return None
        try:
            return parse_number(self.table[key])
        except ValueError as exc:
            self.error(key, str(exc))
            return None

    def integer(self, key: str, required: bool = False) -> int | None:
        """A whole number."""
        if key not in self.table:
            if required:
                self.error(None, f"the required key {key!r} is missing")
            return None
        recorded = len(self.problems)
        value = self.number(key)
        if value is None:
            if required and len(self.problems) == recorded:  # (else number() said why)
                self.error(key, "must be a whole number")
            return None
        if value != int(value):
            self.error(key, f"must be a whole number, not {value:g}")
            return None
        return int(value)

    def boolean(self, key: str) -> bool:
        """true/false; anything else is an error and counts as false."""
        raw = self.table.get(key, False)
        if not isinstance(raw, bool):
            self.error(key, f"must be true or false, not {shorten(raw)}")
            return False
        return raw

    def months(self, key: str, required: bool = False) -> tuple[int, int] | None:
        """[first, last] months within 1..12, first not after last."""
        raw = self.table.get(key)
        if raw is None:
            if required:
                self.error(None, f"the required key {key!r} is missing "
                           "(e.g. months = [1, 6] for 上半年)")
            return None
        ok = (isinstance(raw, list) and len(raw) == 2
              and all(isinstance(m, int) and not isinstance(m, bool) for m in raw))
        if not ok:
            self.error(key, f"must be two whole months like [1, 5], not {shorten(raw)}")
            return None
        first, last = raw
        if not (1 <= first <= 12 and 1 <= last <= 12):
            self.error(key, f"months must be between 1 and 12, not {shorten(raw)}")
            return None
        if first > last:
            self.error(key, f"the first month comes after the last in {raw!r}; "
                       f"write [{last}, {first}]?")
            return None
        return first, last

    def date(self, key: str) -> dt.date | None:
        """A TOML date (2022-07-04) or the same as text."""
        raw = self.table.get(key)
        if raw is None or isinstance(raw, dt.date) and not isinstance(raw, dt.datetime):
            return raw
        if isinstance(raw, dt.datetime):
            return raw.date()
        try:
            return dt.date.fromisoformat(str(raw).strip())
        except ValueError:
            self.error(key, f"must be a date like 2022-07-04, not {shorten(raw)}")
            return None


def _escapes(text: str, limit: int = 5) -> str:
    """The control characters `clean` replaces in `text`, as they will be shown."""
    found = list(dict.fromkeys(c for c in text if c in _DANGEROUS_SET))
    shown = ", ".join(escape_of(c) for c in found[:limit])
    return shown + (", ..." if len(found) > limit else "")


_DANGEROUS_SET = frozenset(DANGEROUS)
