"""Finding the line of a key in a TOML file, which `tomllib` does not report.

A report is a `[period]` table and arrays of `[[indicator]]` / `[[tier]]`
tables; the file is indexed once (where each table starts, and the line of
each key in it) so a message can say `report.toml:42` rather than "somewhere
in the file", and a file with thousands of problems is still looked up in
constant time per problem. Tables written inline (`indicator = [ {…}, {…} ]`,
`period = {…}`) are indexed too, the first time one is asked for: an entry's
line is where its `{` is, a key's line where the key is.

Also the cheap scans that say where a file is nested too deeply or holds a
number too long to read (`nesting_line`, `long_number_line`): they run only
after tomllib has failed on such a file, to locate the message that says so.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_HEADER = re.compile(r"^\s*(\[\[?)\s*([A-Za-z0-9_\-\"' .]+?)\s*\]\]?")
_KEY = re.compile(r"""^\s*(?:"((?:[^"\\]|\\.)*)"|'([^']*)'|([A-Za-z0-9_\-]+))\s*([=.])""")
_TOKEN = re.compile(r"""
    (?P<long>\"\"\"(?:[^\\]|\\.)*?\"\"\"\"{0,2}|'''.*?''''{0,2})   # multi-line strings
  | (?P<text>"(?:[^"\\\n]|\\.)*"|'[^'\n]*')                        # one-line strings
  | (?P<comment>\#[^\n]*)
  | (?P<newline>\n)
  | (?P<open>[\[{])
  | (?P<close>[\]}])
  | (?P<comma>,)
  | (?P<word>[A-Za-z0-9_+\-:.]+)                                    # bare keys, numbers, dates
  | (?P<other>[^\s\[\]{},"'\#]+|["'])
  | (?P<space>[ \t\r]+)
""", re.VERBOSE | re.DOTALL)


@dataclass
class _Entry:
    """One inline table (or other value) of an inline array: its line and its keys' lines."""

    line: int
    keys: dict[str, int] = field(default_factory=dict)


class TomlLines:
    """Line numbers of tables and keys in one TOML text."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.lines = text.split("\n")  # (TOML's lines, as tomllib counts them)
        self.starts = _line_starts(self.lines)
        self.tables: dict[str, list[int]] = {}
        self._keys: dict[int, dict[str, int]] = {0: {}}  # table header line (0: top) -> keys
        self._inline: dict[str, list[_Entry]] = {}
        self._index()

    def _index(self) -> None:
        """One pass: table headers, and the first line of each key under each header.
        Lines inside multi-line strings are skipped (a note may say `value = 3`)."""
        keys, quote = self._keys[0], None
        for number, line in enumerate(self.lines, start=1):
            starts_in_string = quote is not None
            quote = _quote_after(line, quote)
            if starts_in_string:
                continue
            header = _HEADER.match(line)
            if header:
                name = header.group(2).strip("\"' ")
                self.tables.setdefault(name, []).append(number)
                keys = self._keys.setdefault(number, {})
                continue
            key = _KEY.match(line)
            if key:
                name = next(g for g in key.groups()[:3] if g is not None)
                keys.setdefault(name, number)

    def table(self, name: str, index: int = 0) -> int | None:
        """Line of the `index`-th header `[name]` / `[[name]]`, or of the `index`-th
        inline table of `name = [...]` (or of `name = {...}`)."""
        starts = self.tables.get(name)
        if starts is not None:
            return starts[index] if index < len(starts) else None
        entries = self._entries(name)
        return entries[index].line if index < len(entries) else None

    def key(self, table: str, index: int, key: str) -> int | None:
        """Line of `key = ...` inside the `index`-th `table`, else the table's line."""
        starts = self.tables.get(table)
        if starts is not None and index < len(starts):
            return self._keys[starts[index]].get(key, starts[index])
        entries = self._entries(table) if starts is None else []
        if index < len(entries):
            return entries[index].keys.get(key, entries[index].line)
        return self._keys[0].get(key) or self.table(key)

    def _entries(self, name: str) -> list[_Entry]:
        """The entries of a top-level `name = [...]` / `name = {...}`, scanned once."""
        if name not in self._inline:
            line = self._keys[0].get(name)
            self._inline[name] = [] if line is None else self._scan_inline(line)
        return self._inline[name]

    def _scan_inline(self, line: int) -> list[_Entry]:
        """Entries of the value whose key starts `line`: its array's elements, or the table."""
        start = self.starts[line - 1]
        equals = self.text.find("=", start, self.starts[line] if line < len(self.starts) else None)
        if equals == -1:
            return []  # a dotted key (`indicator.x = 1`): no inline table to index
        entries: list[_Entry] = []
        stack: list[str] = []
        entry_depth = 0  # depth of the tables whose keys are indexed: 1 for {…}, 2 for [{…}]
        want_element = want_key = False
        for match in _TOKEN.finditer(self.text, equals + 1):
            kind, token = match.lastgroup, match.group()
            if kind in ("space", "comment"):
                continue
            if kind == "newline":
                line += 1
                continue
            if not stack:  # the value itself
                if token not in ("[", "{"):
                    return []
                entry_depth = 1 if token == "{" else 2
                if token == "{":
                    entries.append(_Entry(line))
            elif want_element and len(stack) == 1 and token not in (",", "]"):
                entries.append(_Entry(line))
                want_element = False
            if want_key and len(stack) == entry_depth and kind in ("word", "text"):
                entries[-1].keys.setdefault(_key_name(token), line)
                want_key = False
            if kind == "open":
                stack.append(token)
                want_element = len(stack) == 1 and token == "["
                want_key = len(stack) == entry_depth and token == "{"
            elif kind == "close":
                stack.pop()
                if not stack:
                    break
            elif kind == "comma":
                want_element = len(stack) == 1 and entry_depth == 2
                want_key = len(stack) == entry_depth and stack[-1] == "{"
            line += token.count("\n") if kind == "long" else 0
        return entries


def _line_starts(lines: list[str]) -> list[int]:
    """Offset in the text where each line starts."""
    starts, offset = [], 0
    for line in lines:
        starts.append(offset)
        offset += len(line) + 1
    return starts


def _quote_after(line: str, quote: str | None) -> str | None:
    """The multi-line string delimiter still open after `line` (None: none is open)."""
    if '"""' not in line and "'''" not in line:
        return quote
    position = 0
    while True:
        if quote is None:
            found = [(line.find(q, position), q) for q in ('"""', "'''")]
            found = [(at, q) for at, q in found if at != -1]
            if not found:
                return None
            position, quote = min(found)
            position += 3
        else:
            at = line.find(quote, position)
            if at == -1:
                return quote
            position, quote = at + 3, None


def _key_name(token: str) -> str:
    """The first part of a (possibly dotted or quoted) key as written."""
    if token[:1] in ("\"", "'"):
        return token[1:-1]
    return token.split(".", 1)[0]


def nesting_line(text: str, limit: int) -> int | None:
    """The first line where arrays and inline tables are nested more than `limit` deep
    (brackets in strings and comments not counted), or None."""
    depth, line = 0, 1
    for match in _TOKEN.finditer(text):
        kind = match.lastgroup
        if kind == "open":
            depth += 1
            if depth > limit:
                return line
        elif kind == "close":
            depth = max(depth - 1, 0)
        elif kind == "newline":
            line += 1
        elif kind == "long":
            line += match.group().count("\n")
    return None


def long_number_line(text: str, digits: int) -> int | None:
    """The first line holding a number of at least `digits` digits (not in a string), or
    None."""
    line = 1
    for match in _TOKEN.finditer(text):
        kind, token = match.lastgroup, match.group()
        if kind == "word" and len(token) >= digits and sum(c.isdigit() for c in token) >= digits:
            return line
        if kind in ("newline", "long"):
            line += token.count("\n")
    return None
