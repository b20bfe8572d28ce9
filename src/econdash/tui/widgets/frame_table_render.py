"""Helpers for `FrameTable` that need no widget: cell formatting, padding, bars, the
column layout and the cells of the rows on screen.

Nothing here touches the widget, so these can be unit tested directly. (Which rows
the view holds is `econdash.core.query.view`.)
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right

import math
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal

import polars as pl
from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from rich.style import Style
from textual.strip import Strip


TRUNCATION_MARK = "~"
"""Marks cut-off cell text. ASCII on purpose: "…" is East-Asian ambiguous width."""

BAR_EIGHTHS = " ▏▎▍▌▋▊▉"
"""Partial block characters indexed by eighths (index 0 = nothing)."""
BAR_FULL = "█"
SORT_MARKS = {False: "▲", True: "▼"}
"""Header sort marker keyed by `descending`."""

MIN_AUTO_WIDTH = 4
MAX_AUTO_WIDTH = 40
BAR_AUTO_WIDTH = 16
"""Auto width for bar columns: a bar needs room beyond its "100%" label."""
WIDTH_SAMPLE_ROWS = 1000

# Control characters would break a terminal line; show them as spaces instead.
_CONTROL_TO_SPACE = str.maketrans({code: " " for code in [*range(32), 127]})

Align = Literal["left", "right"]
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


def fit_cell(text: str, width: int, align: Align = "left") -> str:
    """Pad or truncate `text` to exactly `width` terminal cells (CJK = 2 cells)."""
    if width <= 0:
        return ""
    length = cell_len(text)
    if length > width:
        # set_cell_size pads with a space if a wide char would be split in two.
        return set_cell_size(text, width - 1) + TRUNCATION_MARK
    padding = " " * (width - length)
    return padding + text if align == "right" else text + padding


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


def header_text(column: Column, width: int, descending: bool | None) -> str:
    """Header cell text; `descending` None means the column is not sorted."""
    label = column.header.translate(_CONTROL_TO_SPACE)
    if descending is not None:
        # Keep the marker visible even when the label has to be truncated.
        mark = " " + SORT_MARKS[descending]
        room = max(width - 2, 0)
        if cell_len(label) > room:
            label = fit_cell(label, room)
        label += mark
    return fit_cell(label, width, column.align)


def header_cells(
    columns: Sequence[Column],
    widths: Sequence[int],
    sort: tuple[str, bool] | None,
    cursor: int | None,
    cursor_style: Style,
) -> Cells:
    """Header texts, with the sort mark and the column cursor's style."""
    cells: Cells = []
    for index, (column, width) in enumerate(zip(columns, widths)):
        descending = sort[1] if sort and sort[0] == column.key else None
        text = header_text(column, width, descending)
        cells.append((text, cursor_style if index == cursor else None))
    return cells


def cell_style(column: Column, value: Any) -> Style | None:
    """The column's style for `value` (Rich caches the string parsing)."""
    spec = column.style(value) if column.style else None
    return Style.parse(spec) if spec else None


def auto_width(column: Column, sample: Iterable[Any]) -> int:
    """Column width from the header (plus room for a sort mark) and sample values."""
    header = cell_len(column.header) + 2
    if column.bar:
        return max(BAR_AUTO_WIDTH, header)
    widest = max((cell_len(cell_text(column, value)) for value in sample), default=0)
    return min(max(header, widest, MIN_AUTO_WIDTH), MAX_AUTO_WIDTH)


EXACT_WIDTH_COLUMNS = 200
"""Columns measured exactly (a few polars calls each, ~1 ms); further columns of a very
wide table are estimated all at once (10,000 columns took 10 s to measure one by one)."""


def column_widths(frame: pl.DataFrame, columns: Sequence[Column]) -> list[int]:
    """Each column's width: given, else measured from its values (see `auto_width`)."""
    exact = [column.width or auto_width(column, width_sample(frame, column.key))
             for column in columns[:EXACT_WIDTH_COLUMNS]]
    return exact + estimated_widths(frame, columns[EXACT_WIDTH_COLUMNS:])


def estimated_widths(frame: pl.DataFrame, columns: Sequence[Column]) -> list[int]:
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
    return [column.width or min(max(cell_len(column.header) + 2, widest.get(column.key) or 0,
                                    MIN_AUTO_WIDTH), MAX_AUTO_WIDTH)
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


@dataclass(frozen=True)
class ColumnLayout:
    """A table's columns and where each sits, with one separator cell between columns."""

    columns: tuple[Column, ...] = ()
    widths: tuple[int, ...] = ()  # (none until measured against a frame)
    offsets: tuple[int, ...] = ()  # x of each column's first cell

    @classmethod
    def measure(cls, frame: pl.DataFrame, columns: Sequence[Column]) -> ColumnLayout:
        """`columns` with their widths in `frame` (see `column_widths`)."""
        widths = column_widths(frame, columns)
        return cls(tuple(columns), tuple(widths), tuple(column_offsets(widths)))

    @property
    def width(self) -> int:
        """Cells taken by all columns and separators."""
        return sum(self.widths) + max(len(self.widths) - 1, 0)

    def at(self, x: int) -> int | None:
        """Index of the column covering cell `x` (None on a separator or past the end)."""
        return column_at(self.offsets, self.widths, x)

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


class VisibleCells:
    """The cells of the rows on screen, made once per scroll instead of once per line."""

    def __init__(self) -> None:
        self._key: tuple[int, ...] | None = None
        self._rows: list[Cells] = []

    def forget(self) -> None:
        """The view or the columns changed: make the cells again."""
        self._key = None

    def rows(self, view: pl.DataFrame, layout: ColumnLayout, top: int, height: int,
             first: int, last: int) -> list[Cells]:
        """Cells of columns `first..last-1` of the view's rows `top..top+height-1`."""
        key = (top, height, first, last)
        if key != self._key:
            columns, widths = layout.columns[first:last], layout.widths[first:last]
            rows = view.slice(top, height).select([c.key for c in columns]).rows()
            self._rows = [row_cells(row, columns, widths) for row in rows]
            self._key = key
        return self._rows


def cells_strip(cells: Cells, style: Style) -> Strip:
    """Join cells with one-space separators into an uncropped strip."""
    segments: list[Segment] = []
    for text, cell_style in cells:
        if segments:
            segments.append(Segment(" ", style))
        segments.append(Segment(text, style + cell_style if cell_style else style))
    return Strip(segments)


def row_cells(row: Sequence[Any], columns: Sequence[Column], widths: Sequence[int]) -> Cells:
    """Text (exactly sized) and style of one row's cells."""
    return [
        (render_cell(column, value, width), cell_style(column, value))
        for column, width, value in zip(columns, widths, row)
    ]


def scroll_to_show(start: int, end: int, offset: int, size: int) -> int | None:
    """The scroll offset that brings cells `start..end-1` into a window of `size` cells
    now at `offset`, moving as little as possible (the start wins if both can't show);
    None when they already show."""
    if start < offset:
        return start
    if end > offset + size:
        return min(start, end - size)
    return None


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
