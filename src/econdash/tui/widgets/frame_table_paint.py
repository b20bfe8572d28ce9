"""How a `FrameTable` draws its lines (mixed into it): the header with its sort and
cursor marks, the rows on screen with the cursor row and cell, and the frozen first
column at the left while the table is scrolled right (see frame_table_layout)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.segment import Segment
from rich.style import Style
from textual.geometry import Region
from textual.strip import Strip

from econdash.tui.widgets.frame_table_render import (
    Cells,
    cells_strip,
    centre_text,
    header_cells,
)

if TYPE_CHECKING:
    from textual.reactive import reactive
    from textual.scroll_view import ScrollView

    from econdash.core.query.view import TableView
    from econdash.tui.widgets.frame_table_layout import ColumnLayout, VisibleCells

    class _PaintBase(ScrollView):
        """What the painting uses of `FrameTable` (for the type checker only)."""

        cursor_row: reactive[int]
        cursor_column: reactive[int]
        zebra_stripes: reactive[bool]
        empty_text: reactive[str]
        _layout: ColumnLayout
        _state: TableView
        _cells: VisibleCells

        @property
        def row_count(self) -> int: ...
else:
    _PaintBase = object  # at run time FrameTable brings all of it


class TablePainting(_PaintBase):
    """The Line API side of `FrameTable`."""

    _paint: tuple[Style, int, int] | None = None  # set during render_lines

    def render_lines(self, crop: Region) -> list[Strip]:
        # rich_style and region lookups cost ~0.1 ms each: do them once per paint.
        self._paint = self._paint_context()
        try:
            return super().render_lines(crop)
        finally:
            self._paint = None

    def _paint_context(self) -> tuple[Style, int, int]:
        """(base style, visible width, visible body rows)."""
        region = self.scrollable_content_region
        return self.rich_style, region.width, max(region.height - 1, 0)

    def render_line(self, y: int) -> Strip:
        base, width, body = self._paint or self._paint_context()
        scroll_x, scroll_y = self.scroll_offset
        # Only the columns in view are drawn (a file of 10,000 columns drew all of them
        # for every line); the strip starts where the first of them does. Scrolled right,
        # the first column is drawn at the left and the others in the rest of the window.
        frozen = self._layout.frozen(scroll_x, width)
        first, last, left = self._layout.in_view(scroll_x + frozen, width - frozen)
        shown = ([0] if frozen else []) + list(range(first, last))
        cursor = shown.index(self.cursor_column) if self.cursor_column in shown else None
        if y == 0:
            style = base + self.get_component_rich_style("frame-table--header")
            return self._strip(self._header_cells(shown, cursor), style, frozen, left, width)
        index = scroll_y + y - 1
        if self.row_count == 0 and y == 1:
            style = base + self.get_component_rich_style("frame-table--empty")
            return Strip([Segment(centre_text(self.empty_text, width), style)])
        if index >= self.row_count:
            return Strip.blank(width, base)
        cells = self._cells.rows(self._state.view, self._layout, scroll_y, max(body, y), first,
                                 last, bool(frozen))[y - 1]
        if index == self.cursor_row:
            # Cell colours are dropped so the cursor stays readable on any theme.
            style = base + self.get_component_rich_style("frame-table--cursor")
            mark = self.get_component_rich_style("frame-table--cursor-cell", partial=True)
            cells = [(text, mark if i == cursor else None) for i, (text, _) in enumerate(cells)]
        elif self.zebra_stripes and index % 2 == 0:
            style = base + self.get_component_rich_style("frame-table--even")
        else:
            style = base
        return self._strip(cells, style, frozen, left, width)

    def _strip(self, cells: Cells, style: Style, frozen: int, left: int, width: int) -> Strip:
        """A line of cells: with a frozen first column, it and an edge, then the rest."""
        if not frozen:
            return cells_strip(cells, style).crop_extend(left, left + width, style)
        edge = style + self.get_component_rich_style("frame-table--frozen-edge", partial=True)
        head = Strip([*cells_strip(cells[:1], style), Segment("│", edge)])
        rest = cells_strip(cells[1:], style).crop_extend(left, left + width - frozen, style)
        return Strip.join([head, rest])

    def _header_cells(self, shown: list[int], cursor: int | None) -> Cells:
        columns, widths = self._layout.columns, self._layout.widths
        return header_cells([columns[i] for i in shown], [widths[i] for i in shown],
                            self._state.sorts, cursor if self.has_focus else None,
                            self.get_component_rich_style("frame-table--header-cursor"),
                            self.get_component_rich_style("frame-table--header-sorted",
                                                          partial=True),
                            self._state.pins)
