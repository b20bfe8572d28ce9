"""Finding the line of a key in a TOML file, which `tomllib` does not report.

A report is a `[period]` table and arrays of `[[indicator]]` / `[[tier]]`
tables; we index where each table starts and look for `key =` inside it, so
a message can say `report.toml:42` rather than "somewhere in the file".
"""

from __future__ import annotations

import re

_HEADER = re.compile(r"^\s*(\[\[?)\s*([A-Za-z0-9_\-\"' .]+?)\s*\]\]?")


class TomlLines:
    """Line numbers of tables and keys in one TOML text."""

    def __init__(self, text: str) -> None:
        self.lines = text.splitlines()
        self.tables: dict[str, list[int]] = {}
        for number, line in enumerate(self.lines, start=1):
            match = _HEADER.match(line)
            if match:
                self.tables.setdefault(match.group(2).strip("\"' "), []).append(number)

    def table(self, name: str, index: int = 0) -> int | None:
        """Line of the `index`-th header `[name]` / `[[name]]`."""
        starts = self.tables.get(name, [])
        return starts[index] if index < len(starts) else None

    def key(self, table: str, index: int, key: str) -> int | None:
        """Line of `key = ...` inside the `index`-th `table`, else the table's line."""
        start = self.table(table, index)
        if start is None:
            return self.table(key) or self._top_level_key(key)
        end = self._next_header_after(start)
        pattern = re.compile(rf"^\s*[\"']?{re.escape(key)}[\"']?\s*=")
        for number in range(start + 1, end):
            if pattern.match(self.lines[number - 1]):
                return number
        return start

    def _next_header_after(self, start: int) -> int:
        for number in range(start + 1, len(self.lines) + 1):
            if _HEADER.match(self.lines[number - 1]):
                return number
        return len(self.lines) + 1

    def _top_level_key(self, key: str) -> int | None:
        pattern = re.compile(rf"^\s*{re.escape(key)}\s*[=.]")
        for number, line in enumerate(self.lines, start=1):
            if _HEADER.match(line):
                return None
            if pattern.match(line):
                return number
        return None
