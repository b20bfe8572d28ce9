"""One sheet as a table: its header found below any title rows, mapped, its kind decided.

The header is the row among the first `SCAN_ROWS` with the most known headers
(`table_headers.SYNONYMS`); rows above it are titles and are skipped. A header typed
over two rows (a merged group `2022年1-6月` above `本期 | 同比增长(%)`, and 指标名称
merged down over both) is combined into one name per column (`2022年1-6月 本期`);
where that still leaves two columns with one name, the message says which. Rows
below the header up to the end (blank rows dropped) are the body; numbers stay text
here, parsed where each kind is built (`table_build`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import polars as pl

from econdash.core.admin.table_headers import Mapped, detect_kind, header_score, map_header
from econdash.core.admin.table_read import Sheet, problem
from econdash.core.errors import Problem

SCAN_ROWS = 30
REPEATABLE = ("value", "yoy_pct")
NUMBER_LIKE = r"^[-+−]?[\d,.]+%?$"


@dataclass(frozen=True)
class Table:
    """A sheet's body under its header: columns renamed to contract columns (or kept)."""

    sheet: Sheet
    kind: str | None
    mapping: list[Mapped]
    body: pl.DataFrame  # one column per header, named `names[i]`; and `__row`
    header_rows: tuple[int, ...]  # frame indices of the header row(s)
    names: list[str]  # the body's column names: the mapped column (value@3 for a second)

    def at(self, column: str) -> int:
        """The position of the body column `column` (for messages)."""
        return self.names.index(column)


def parse_sheet(sheet: Sheet, shown: str) -> Table | Problem:
    """The sheet as a Table, or the Problem that says why it is not one."""
    head = sheet.frame.head(SCAN_ROWS).rows()
    rows = [[cell or "" for cell in row] for row in head]
    if not rows:
        return problem(shown, sheet, "the sheet is empty")
    scores = [header_score(row) for row in rows]
    best = max(range(len(rows)), key=lambda i: (scores[i], -i))
    if scores[best] < 2:
        return problem(shown, sheet, "no header row found in its first "
                       f"{min(SCAN_ROWS, len(rows))} rows: no row names at least two known "
                       "columns (企业名称 and 荣誉名称, 项目名称 and 类别, 指标名称 and 本月 / "
                       "1-N月 / 同比增长(%) …); see docs/import.md for the headers econdash "
                       "knows, or use --as", index=0)
    header_rows, names = _header(rows, best)
    found = _duplicates(names)
    if found is not None:
        first, second = found
        return problem(shown, sheet, f"two columns are both named {names[second]!r} (columns "
                       f"{sheet.column_name(first)} and {sheet.column_name(second)}); rename "
                       "one so each column has its own header", index=header_rows[-1],
                       column=second)
    mapping = [map_header(name) if name else Mapped("", f"column {sheet.column_name(i)}", False)
               for i, name in enumerate(names)]
    # An indicator table may give several value and growth columns (本月, 1-12月);
    # table_build picks one. Any other column twice is a mistake to point out.
    clash = _duplicates([m.column if m.column not in REPEATABLE else "" for m in mapping])
    if clash is not None:
        first, second = clash
        return problem(shown, sheet, f"columns {sheet.column_name(first)} "
                       f"({mapping[first].header!r}) and {sheet.column_name(second)} "
                       f"({mapping[second].header!r}) both mean {mapping[first].column!r}; "
                       "delete or rename one of them", index=header_rows[-1], column=second)
    names = [m.column if m.column not in REPEATABLE or i == _first(mapping, m.column)
             else f"{m.column}@{i}" for i, m in enumerate(mapping)]
    body = _body(sheet, header_rows[-1] + 1, names)
    kind = detect_kind({m.column for m in mapping if m.known})
    return Table(sheet, kind, mapping, body, header_rows, names)


def _first(mapping: list[Mapped], column: str) -> int:
    return next(i for i, m in enumerate(mapping) if m.column == column)


def _header(rows: list[list[str]], best: int) -> tuple[tuple[int, ...], list[str]]:
    """The header row(s) and one name per column; two rows when the row above or below
    the best one is the other half of a two-row header."""
    width = max(len(row) for row in rows)
    padded = [row + [""] * (width - len(row)) for row in rows]
    for top in (best - 1, best):
        if top < 0 or top + 1 >= len(padded):
            continue
        upper, lower = padded[top], padded[top + 1]
        other = upper if top < best else lower
        if header_score(other) >= 1 and _two_row_header(upper, lower):
            return (top, top + 1), _combined(upper, lower)
    return (best,), padded[best]


def _text(cell: str) -> bool:
    return bool(cell) and not re.match(NUMBER_LIKE, cell)


def _two_row_header(upper: list[str], lower: list[str]) -> bool:
    """A group heading over its sub-headings. In an .xlsx (merges filled) a column merged
    down over both rows has the same text in both; in a CSV Excel wrote the merged text
    once, so a heading stands over an empty cell and a sub-heading under one."""
    pairs = list(zip(upper, lower))
    if sum(map(_text, lower)) < 2 or any(b and not _text(b) for b in lower):
        return False  # a row of figures is no header
    split = any(_text(a) and _text(b) and a != b for a, b in pairs)
    same = any(a and a == b for a, b in pairs)
    alone = any(a and not b for a, b in pairs) and any(not a and _text(b) for a, b in pairs)
    return split and same or (alone and (split or any(_text(a) for a in upper)))


def _combined(upper: list[str], lower: list[str]) -> list[str]:
    """One name per column: `2022年1-6月 本期`; a group heading written once (a CSV of
    merged cells) stands over each sub-heading to its right."""
    names, group = [], ""
    for a, b in zip(upper, lower):
        if a:
            group = a
        elif b:
            a = group  # under a merged group heading Excel wrote once
        names.append(b if not a or a == b else a if not b else f"{a} {b}")
    return names


def _duplicates(names: list[str]) -> tuple[int, int] | None:
    """The first two positions holding the same non-empty name."""
    seen: dict[str, int] = {}
    for i, name in enumerate(names):
        if not name:
            continue
        if name in seen:
            return seen[name], i
        seen[name] = i
    return None


def _body(sheet: Sheet, start: int, columns: list[str]) -> pl.DataFrame:
    """The rows under the header, blank ones dropped, with their sheet row numbers."""
    frame = sheet.frame.slice(start)
    names = dict(zip(frame.columns, columns))
    frame = frame.select(list(names)).rename(names)
    # Columns right of the header with no header at all but cells are kept too (named above).
    frame = frame.with_columns(
        (pl.int_range(pl.len(), dtype=pl.Int64) + sheet.row_number(start)).alias("__row"))
    filled = pl.any_horizontal([pl.col(c).is_not_null() for c in names.values()])
    return frame.filter(filled)
