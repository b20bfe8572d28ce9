"""Helpers for `FrameTable` that need no widget: cell formatting, padding, cutting in
the middle, bars, header marks and column widths.

Nothing here touches the widget, so these can be unit tested directly. (Where columns
sit is `frame_table_layout`; which rows the view holds is `econdash.core.query.view`.)
"""

from __future__ import annotations

import math
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import polars as pl
from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from textual.strip import Strip

from econdash.tui.cells import CUT_MARK as TRUNCATION_MARK  # noqa: F401
from econdash.tui.cells import Align, fit_cell

"""Marks where cell text was cut (in its middle). ASCII on purpose: "…" is East-Asian
ambiguous width, one cell in some terminals and two in others."""

BAR_EIGHTHS = " ▏▎▍▌▋▊▉"
"""Partial block characters indexed by eighths (index 0 = nothing)."""
BAR_FULL = "█"
SORT_MARKS = {False: "▲", True: "▼"}
"""Header sort marker keyed by `descending`."""

MIN_AUTO_WIDTH = 4
MAX_AUTO_WIDTH = 40
"""Widest an auto column is before the table knows its own width (see `fit_widths`)."""
NATURAL_MAX_WIDTH = 400
"""Widest an auto column is measured: a table as wide as that shows it whole."""
BAR_AUTO_WIDTH = 16
"""Auto width for bar columns: a bar needs room beyond its "100%" label."""
WIDTH_SAMPLE_ROWS = 1000

# Control characters would break a terminal line; show them as spaces instead.
_CONTROL_TO_SPACE = str.maketrans({code: " " for code in [*range(32), 127]})

Cells = list[tuple[str, Style | None]]
"""One rendered row: (exactly sized text, optional cell style) per column."""


@dataclass(frozen=True)
class Column:
    """How one frame column is shown in a `FrameTable`."""

    key: str
    """Name of the column in the frame."""
    label: str = ""
    """Header text (defaults to `key`)."""
    align: Align = "left"
    width: int | None = None
    """Width in cells; None = auto from the header and the first rows."""
    format: Callable[[Any], str] | None = None
    """Turns a cell value into text; default `format_value`."""
    style: Callable[[Any], str] | None = None
    """Returns a Rich style string for a cell value (e.g. colour by sign)."""
    bar: bool = False
    """Draw the value as a horizontal bar plus a percentage."""
    bar_scale: float = 1.0
    """Value that means 100% (1 for fractions, 100 for percentages)."""

    @property
    def header(self) -> str:
        """Text shown in the header."""
        return self.label or self.key


def format_value(value: Any) -> str:
    """Default cell text: None -> "", floats to at most 2 decimals, else `str`."""
    if value is None:
        return ""
    if isinstance(value, float):
        if not math.isfinite(value):
            return str(value)
        text = f"{value:.2f}".rstrip("0").rstrip(".")
        return "0" if text == "-0" else text
    return str(value)


def cell_text(column: Column, value: Any) -> str:
    """Text for one cell, with control characters made harmless."""
    formatter = column.format or format_value
    try:
        text = formatter(value)
    except (TypeError, ValueError):
        # A formatter that can't handle an odd value must not kill the render.
        text = format_value(value)
    return text.translate(_CONTROL_TO_SPACE)


def centre_text(text: str, width: int) -> str:
    """`text` centred in exactly `width` cells."""
    left = max((width - cell_len(text)) // 2, 0)
    return fit_cell(" " * left + text, width)


def draw_bar(value: Any, width: int, scale: float = 1.0) -> str:
    """Render `value / scale` as a block bar followed by a percentage, `width` cells."""
    if not isinstance(value, (int, float)) or isinstance(value, bool) or width <= 0:
        return " " * max(width, 0)
    fraction = value / scale if scale else 0.0
    if math.isnan(fraction):
        return " " * width
    label = f"{fraction * 100:.0f}%".rjust(4)
    bar_width = width - cell_len(label) - 1
    if bar_width < 1:
        return fit_cell(label, width, "right")
    eighths = round(min(max(fraction, 0.0), 1.0) * bar_width * 8)
    full, remainder = divmod(eighths, 8)
    bar = BAR_FULL * full + (BAR_EIGHTHS[remainder] if remainder else "")
    return fit_cell(f"{bar.ljust(bar_width)} {label}", width)


def render_cell(column: Column, value: Any, width: int) -> str:
    """Final, exactly `width` cells wide text of one cell."""
    if column.bar:
        return draw_bar(value, width, column.bar_scale)
    return fit_cell(cell_text(column, value), width, column.align)


PIN_MARK = "="
"""Before the header of a column filtered to a value picked from its counts (`F`)."""


def header_text(column: Column, width: int, descending: bool | None, rank: int = 0,
                pinned: bool = False) -> str:
    """Header cell text; `descending` None means the column is not sorted; `rank` (1, 2,
    ...) is its place among several sort keys, 0 when it is the only one; `pinned`: the
    column is filtered to one value."""
    label = (PIN_MARK if pinned else "") + column.header.translate(_CONTROL_TO_SPACE)
    if descending is not None:
        # Keep the marker visible even when the label has to be truncated.
        mark = " " + SORT_MARKS[descending] + (str(rank) if rank else "")
        room = max(width - cell_len(mark), 0)
        if cell_len(label) > room:
            label = fit_cell(label, room)
        label += mark
    return fit_cell(label, width, column.align)


def header_cells(
    columns: Sequence[Column],
    widths: Sequence[int],
    sorts: Sequence[tuple[str, bool]],
    cursor: int | None,
    cursor_style: Style,
    sorted_style: Style | None = None,
    pinned: Collection[str] = (),
) -> Cells:
    """Header texts, with the sort marks (numbered when there are several keys), the
    sorted columns' style and the column cursor's style."""
    order = {key: (rank, descending) for rank, (key, descending) in enumerate(sorts, 1)}
    several = len(sorts) > 1
    cells: Cells = []
    for index, (column, width) in enumerate(zip(columns, widths)):
        rank, descending = order.get(column.key, (0, None))
        is_pinned = column.key in pinned
        text = header_text(column, width, descending, rank if several else 0, is_pinned)
        marked = rank or is_pinned
        style = cursor_style if index == cursor else (sorted_style if marked else None)
        cells.append((text, style))
    return cells


def cell_style(column: Column, value: Any) -> Style | None:
    """The column's style for `value` (Rich caches the string parsing)."""
    spec = column.style(value) if column.style else None
    return Style.parse(spec) if spec else None


def auto_width(column: Column, sample: Iterable[Any], cap: int = MAX_AUTO_WIDTH) -> int:
    """Column width from the header (plus room for a sort mark and its rank) and sample
    values, at most `cap`."""
    header = cell_len(column.header) + 3
    if column.bar:
        return max(BAR_AUTO_WIDTH, header)
    widest = max((cell_len(cell_text(column, value)) for value in sample), default=0)
    return min(max(header, widest, MIN_AUTO_WIDTH), cap)


EXACT_WIDTH_COLUMNS = 200
"""Columns measured exactly (a few polars calls each, ~1 ms); further columns of a very
wide table are estimated all at once (10,000 columns took 10 s to measure one by one)."""


def column_widths(frame: pl.DataFrame, columns: Sequence[Column],
                  cap: int = MAX_AUTO_WIDTH) -> list[int]:
    """Each column's width: given, else measured from its values (see `auto_width`)."""
    exact = [column.width or auto_width(column, width_sample(frame, column.key), cap)
             for column in columns[:EXACT_WIDTH_COLUMNS]]
    return exact + estimated_widths(frame, columns[EXACT_WIDTH_COLUMNS:], cap)


def estimated_widths(frame: pl.DataFrame, columns: Sequence[Column],
                     cap: int = MAX_AUTO_WIDTH) -> list[int]:
    """Widths from one pass over the first rows of every column: text by characters
    (CJK counting two cells), other values by their formatted length."""
    if not columns:
        return []
    keys = [c.key for c in columns if not c.width]
    if not keys:
        return [column.width or 0 for column in columns]
    # Long form (column name, text) so thousands of columns are one expression, not one each.
    cells = (pl.col("value").str.len_chars() + pl.col("value").str.count_matches(_WIDE)).max()
    widest = dict(frame.head(WIDTH_SAMPLE_ROWS).select(pl.col(keys).cast(pl.String))
                  .unpivot(variable_name="key").group_by("key").agg(cells).iter_rows())
    return [column.width or min(max(cell_len(column.header) + 3, widest.get(column.key) or 0,
                                    MIN_AUTO_WIDTH), cap)
            for column in columns]


def width_sample(frame: pl.DataFrame, key: str) -> list[Any]:
    """Values that decide a column's auto width: the widest of the first rows plus likely
    extremes beyond them."""
    series = frame.get_column(key)
    values = _widest(series.head(WIDTH_SAMPLE_ROWS))
    if series.len() <= WIDTH_SAMPLE_ROWS:
        return values
    # Beyond the sample, add the likely widest values: vectorised, a few ms per 1M rows.
    if series.dtype.is_numeric():
        values += [series.min(), series.max()]
    elif series.dtype == pl.String and series.null_count() < series.len():
        values.append(series[series.str.len_bytes().arg_max()])
    return values


WIDEST_CANDIDATES = 16
"""Text values measured exactly per column (measuring all sampled ones took 25 ms a table)."""
# Characters that take two cells: CJK, Hangul, full-width forms (as rich.cells counts them;
# the candidates are then measured with rich itself).
_WIDE = ("[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff"
         "\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]")


def _widest(sample: pl.Series) -> list[Any]:
    """The distinct values of `sample`; of text, only the widest few (by an estimate of
    their cells and by their bytes, so emoji and other wide characters count too)."""
    distinct = sample.drop_nulls().unique()
    if distinct.dtype != pl.String or distinct.len() <= WIDEST_CANDIDATES:
        return distinct.to_list()
    cells = distinct.str.len_chars() + distinct.str.count_matches(_WIDE)
    wide = distinct.gather(cells.arg_sort(descending=True).head(WIDEST_CANDIDATES))
    long = distinct.gather(distinct.str.len_bytes().arg_sort(descending=True)
                           .head(WIDEST_CANDIDATES))
    return wide.to_list() + long.to_list()


def cells_strip(cells: Cells, style: Style) -> Strip:
    """Join cells with one-space separators into an uncropped strip."""
    segments: list[Segment] = []
    for text, cell_style in cells:
        if segments:
            segments.append(Segment(" ", style))
        segments.append(Segment(text, style + cell_style if cell_style else style))
    return Strip(segments)
