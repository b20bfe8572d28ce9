"""Where a `FrameTable`'s columns sit: widths, offsets, the frozen first column, hidden
columns, and the cells of the rows on screen.

Pure (no widget), so it is unit tested directly. The first column (a row's name) stays
at the left edge while the table scrolls right: drawn over the left of the window, the
other columns scroll in what is left of it. Auto-sized columns are measured up to their
whole content (`NATURAL_MAX_WIDTH`) and then fitted to the window the table has, so a
long note is cut only when it could not show whole anyway.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import polars as pl

from econdash.tui.widgets.frame_table_render import (
    MAX_AUTO_WIDTH,
    NATURAL_MAX_WIDTH,
    Cells,
    Column,
    cell_style,
    column_widths,
    render_cell,
)

FREEZE_MAX_SHARE = 0.5
"""The first column stays only while it takes at most this share of the window."""
MIN_FROZEN_WIDTH = 12
"""A fitted first column is never cut narrower than this."""


def column_offsets(widths: Sequence[int]) -> list[int]:
    """x of each column's first cell, with one separator cell between columns."""
    offsets, x = [], 0
    for width in widths:
        offsets.append(x)
        x += width + 1
    return offsets


def column_at(offsets: Sequence[int], widths: Sequence[int], x: int) -> int | None:
    """Index of the column covering cell `x` (None on a separator or past the end)."""
    index = bisect_right(offsets, x) - 1
    if 0 <= index < len(widths) and x < offsets[index] + widths[index]:
        return index
    return None


def visible_columns(offsets: Sequence[int], widths: Sequence[int], x: int,
                    width: int) -> tuple[int, int]:
    """(first, last + 1) of the columns that cells x..x+width-1 show, in part or whole."""
    if not offsets:
        return 0, 0
    first = max(bisect_right(offsets, x) - 1, 0)
    last = max(bisect_left(offsets, x + width), first + 1)
    return first, min(last, len(offsets))


def scroll_to_show(start: int, end: int, offset: int, size: int) -> int | None:
    """The scroll offset that brings cells `start..end-1` into a window of `size` cells
    now at `offset`, moving as little as possible (the start wins if both can't show);
    None when they already show."""
    if start < offset:
        return start
    if end > offset + size:
        return min(start, end - size)
    return None


@dataclass(frozen=True)
class ColumnLayout:
    """A table's columns and where each sits, with one separator cell between columns."""

    columns: tuple[Column, ...] = ()
    widths: tuple[int, ...] = ()  # (none until measured against a frame)
    offsets: tuple[int, ...] = ()  # x of each column's first cell
    natural: tuple[int, ...] = ()
    """Each column's whole width (given, or its content's up to NATURAL_MAX_WIDTH)."""

    @classmethod
    def measure(cls, frame: pl.DataFrame, columns: Sequence[Column]) -> ColumnLayout:
        """`columns` with their widths in `frame` (see `column_widths`), auto widths at
        most MAX_AUTO_WIDTH until `fit` says how wide the window is."""
        natural = tuple(column_widths(frame, columns, NATURAL_MAX_WIDTH))
        return cls.of(tuple(columns), natural, [
            w if c.width else min(w, MAX_AUTO_WIDTH) for c, w in zip(columns, natural)])

    @classmethod
    def of(cls, columns: tuple[Column, ...], natural: tuple[int, ...],
           widths: Sequence[int]) -> ColumnLayout:
        return cls(columns, tuple(widths), tuple(column_offsets(widths)), natural)

    def fit(self, window: int) -> ColumnLayout:
        """Auto columns as wide as their content, cut only where even the window (minus
        the frozen first column) is too narrow; at least MAX_AUTO_WIDTH. When the columns
        don't all fit, the first is cut to half the window, so it can stay frozen."""
        if not self.natural or window <= 0:
            return self
        widths = self._capped(window, window)
        if sum(widths) + len(widths) - 1 > window:
            # The first column may be cut to stay frozen (its full text is a `v` away).
            widths = self._capped(max(int(window * FREEZE_MAX_SHARE) - 1, MIN_FROZEN_WIDTH),
                                  window)
        return self if tuple(widths) == self.widths else self.of(self.columns, self.natural,
                                                                  widths)

    def _capped(self, first_cap: int, window: int) -> list[int]:
        rest_cap = max(MAX_AUTO_WIDTH, window - min(self.natural[0], first_cap) - 2)
        return [w if c.width else min(w, first_cap if i == 0 else rest_cap)
                for i, (c, w) in enumerate(zip(self.columns, self.natural))]

    def without(self, hidden: Collection[str]) -> ColumnLayout:
        """The layout minus the columns whose keys are `hidden` (widths as they were)."""
        if not hidden:
            return self
        keep = [i for i, c in enumerate(self.columns) if c.key not in hidden]
        natural = tuple(self.natural[i] for i in keep) if self.natural else ()
        return self.of(tuple(self.columns[i] for i in keep), natural,
                       [self.widths[i] for i in keep] if self.widths else [])

    @property
    def width(self) -> int:
        """Cells taken by all columns and separators."""
        return sum(self.widths) + max(len(self.widths) - 1, 0)

    def frozen(self, x: int, window: int) -> int:
        """Cells the frozen first column (with its separator) takes of a window scrolled
        to `x`: 0 when nothing is frozen (not scrolled, one column, or too wide)."""
        if x <= 0 or len(self.widths) < 2 or self.widths[0] + 1 > window * FREEZE_MAX_SHARE:
            return 0
        return self.widths[0] + 1

    def at(self, x: int) -> int | None:
        """Index of the column covering cell `x` (None on a separator or past the end)."""
        return column_at(self.offsets, self.widths, x)

    def at_screen(self, x: int, scroll_x: int, window: int) -> int | None:
        """Index of the column at cell `x` of the window (the frozen one included)."""
        frozen = self.frozen(scroll_x, window)
        if x < frozen:
            return 0 if x < frozen - 1 else None
        return self.at(x + scroll_x)

    def in_view(self, x: int, width: int) -> tuple[int, int, int]:
        """(first, last + 1, left): the columns that cells x..x+width-1 show, in part or
        whole, and the cell of a strip of just those columns where the window starts."""
        first, last = visible_columns(self.offsets, self.widths, x, width)
        return first, last, x - (self.offsets[first] if first < len(self.offsets) else 0)

    def scroll_to_show(self, index: int, x: int, width: int) -> int | None:
        """The x scroll offset that shows column `index` in a window of `width` cells now
        at `x` (None when it shows already or is not laid out)."""
        if index >= len(self.widths):
            return None
        start = self.offsets[index]
        return scroll_to_show(start, start + self.widths[index], x, width)

    def scroll_to_show_frozen(self, index: int, x: int, window: int) -> int | None:
        """As `scroll_to_show`, with the first column frozen over the window's left: it
        always shows, and another column must show right of it. (Unscrolled, the first
        column sits where it would be frozen, so one rule serves both.)"""
        frozen = self.frozen(1, window)  # what it takes once scrolled
        if index == 0 and frozen:
            return None
        if index == 0 or not frozen:
            return self.scroll_to_show(index, x, window)
        target = self.scroll_to_show(index, x + frozen, window - frozen)
        return None if target is None else target - frozen


class VisibleCells:
    """The cells of the rows on screen, made once per scroll instead of once per line."""

    def __init__(self) -> None:
        self._key: tuple[int, ...] | None = None
        self._rows: list[Cells] = []

    def forget(self) -> None:
        """The view or the columns changed: make the cells again."""
        self._key = None

    def rows(self, view: pl.DataFrame, layout: ColumnLayout, top: int, height: int,
             first: int, last: int, frozen: bool = False) -> list[Cells]:
        """Cells of columns `first..last-1` of the view's rows `top..top+height-1`,
        with those of the first column before them when `frozen`."""
        key = (top, height, first, last, frozen)
        if key != self._key:
            indices = ([0] if frozen else []) + list(range(first, last))
            columns = [layout.columns[i] for i in indices]
            widths = [layout.widths[i] for i in indices]
            rows = view.slice(top, height).select([c.key for c in columns]).rows()
            self._rows = [row_cells(row, columns, widths) for row in rows]
            self._key = key
        return self._rows


def row_cells(row: Sequence[Any], columns: Sequence[Column], widths: Sequence[int]) -> Cells:
    """Text (exactly sized) and style of one row's cells."""
    return [
        (render_cell(column, value, width), cell_style(column, value))
        for column, width, value in zip(columns, widths, row)
    ]


def choose_columns(schema: Mapping[str, pl.DataType], given: Sequence[Column] | None,
                   earlier: Sequence[Column] | None) -> list[Column]:
    """The columns to show of a frame: `given`, else those given `earlier` if the frame
    still has them all, else one per frame column. Raises ValueError if a `given`
    column is not in the frame."""
    chosen = given or earlier
    if chosen and all(column.key in schema for column in chosen):
        return list(chosen)
    if given:
        missing = [c.key for c in given if c.key not in schema]
        raise ValueError(f"columns not in frame: {missing}")
    return default_columns(schema)


def default_columns(schema: Mapping[str, pl.DataType]) -> list[Column]:
    """One column per frame column; numbers right-aligned."""
    return [
        Column(key=name, label=name, align="right" if dtype.is_numeric() else "left")
        for name, dtype in schema.items()
    ]
