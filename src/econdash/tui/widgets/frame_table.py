"""`FrameTable`: a virtual table over a polars DataFrame.

Textual's DataTable copies every cell into Python objects, which is far too slow
for 100k+ rows. FrameTable uses the Line API: it keeps the (filtered, sorted) view
as a polars frame and only turns the rows on screen into Python values.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, ClassVar

import polars as pl
from rich.segment import Segment
from rich.style import Style
from textual import events, work
from textual.binding import Binding, BindingType
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.worker import get_current_worker

from econdash.core.query.filtering import SearchFacts, compute_view, query_expr, string_columns
from econdash.tui.widgets.frame_table_render import (
    Cells,
    Column,
    cells_strip,
    centre_text,
    column_at,
    column_offsets,
    column_widths,
    visible_columns,
    default_columns,
    cell_style,
    header_cells,
    render_cell,
)

__all__ = ["Column", "FrameTable"]

SYNC_ROW_LIMIT = 20_000
"""Frames smaller than this are queried on the main thread (instant, test friendly)."""

_Query = tuple[str, list[str] | None, dict[str, str | None]]  # search, columns, filters
_Sort = tuple[str, bool] | None  # column key, descending


class TableMessage(Message):
    """Base for FrameTable messages; `control` lets `@on(..., "#id")` selectors work."""

    def __init__(self, table: FrameTable) -> None:
        super().__init__()
        self.table = table

    @property
    def control(self) -> FrameTable:
        return self.table


class FrameTable(ScrollView, can_focus=True):
    """A scrollable, searchable, sortable table that renders only visible rows."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up", "move_row(-1)", "Up", show=False),
        Binding("down", "move_row(1)", "Down", show=False),
        Binding("left", "move_column(-1)", "Previous column", show=False),
        Binding("right", "move_column(1)", "Next column", show=False),
        Binding("pageup", "page(-1)", "Page up", show=False),
        Binding("pagedown", "page(1)", "Page down", show=False),
        Binding("home,ctrl+home", "cursor_first", "First row", show=False),
        Binding("end,ctrl+end", "cursor_last", "Last row", show=False),
        Binding("enter", "select_cursor", "Open row"),
        Binding("s", "cycle_sort", "Sort column"),
    ]

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "frame-table--header",
        "frame-table--header-cursor",
        "frame-table--cursor",
        "frame-table--even",
        "frame-table--empty",
    }

    DEFAULT_CSS = """
    FrameTable {
        background: $surface;
        color: $foreground;
        height: 1fr;
        & > .frame-table--header { text-style: bold; background: $panel; color: $foreground; }
        & > .frame-table--header-cursor { text-style: bold underline; background: $panel; }
        & > .frame-table--even { background: $surface-lighten-1 50%; }
        & > .frame-table--empty { text-style: dim; }
        & > .frame-table--cursor {
            background: $block-cursor-blurred-background;
            color: $block-cursor-blurred-foreground;
            text-style: $block-cursor-blurred-text-style;
        }
        &:focus > .frame-table--cursor {
            background: $block-cursor-background;
            color: $block-cursor-foreground;
            text-style: $block-cursor-text-style;
        }
    }
    """

    cursor_row: reactive[int] = reactive(0, init=False)
    """Index of the highlighted row within the current (filtered, sorted) view."""
    cursor_column: reactive[int] = reactive(0, init=False)
    """Index of the column that `s` sorts by (also scrolled into view)."""
    zebra_stripes: reactive[bool] = reactive(True)
    """Shade every other row."""

    empty_text: reactive[str] = reactive("无匹配行 / No matching rows")
    """Shown when the view has no rows; the app may replace it per language."""

    class RowHighlighted(TableMessage):
        """The cursor moved to another row (or the view changed under it)."""

        def __init__(self, table: FrameTable, row: dict[str, Any] | None) -> None:
            super().__init__(table)
            self.row = row

    class RowSelected(TableMessage):
        """Enter was pressed, or the highlighted row was clicked."""

        def __init__(self, table: FrameTable, row: dict[str, Any]) -> None:
            super().__init__(table)
            self.row = row

    class Filtered(TableMessage):
        """A new view (after search/filter/sort/set_frame) is on screen."""

        def __init__(self, table: FrameTable, shown: int, total: int) -> None:
            super().__init__(table)
            self.shown = shown
            self.total = total

    class QueryFailed(TableMessage):
        """Computing the view raised; the previous view stays on screen."""

        def __init__(self, table: FrameTable, message: str) -> None:
            super().__init__(table)
            self.message = message

    def __init__(
        self,
        columns: list[Column] | None = None,
        *,
        id: str | None = None,
        classes: str | None = None,
        name: str | None = None,
    ) -> None:
        super().__init__(id=id, classes=classes, name=name)
        self._explicit_columns = list(columns) if columns else None
        self._columns: list[Column] = list(columns or [])
        self._widths: list[int] = []
        self._offsets: list[int] = []  # x where each column starts
        self._frame = pl.DataFrame()
        self._view = self._frame
        self._facts = SearchFacts(self._frame)  # learnt by searches of this frame
        self._query: _Query = ("", None, {})
        self._sort: _Sort = None
        self._generation = 0  # bumps per requested view; stale results are dropped
        # (frame, query, sort) of the latest request and of the view on screen
        self._requested: tuple[pl.DataFrame, _Query, _Sort] | None = None
        self._applied: tuple[pl.DataFrame, _Query, _Sort] | None = None
        self._view_version = 0  # bumps per applied view; keys the slice cache
        self._slice_key: tuple[int, ...] | None = None
        self._slice_rows: list[Cells] = []
        self._paint: tuple[Style, int, int] | None = None  # set during render_lines

    # ---- public API ---------------------------------------------------

    @property
    def row_count(self) -> int:
        """Rows in the current view (after search/filter)."""
        return self._view.height

    @property
    def total_count(self) -> int:
        """Rows in the underlying frame."""
        return self._frame.height

    @property
    def view_frame(self) -> pl.DataFrame:
        """The rows as shown (filtered and sorted), e.g. for export."""
        return self._view

    @property
    def columns(self) -> list[Column]:
        """The columns being shown."""
        return list(self._columns)

    @property
    def sort_state(self) -> _Sort:
        """(column key, descending) or None when unsorted."""
        return self._sort

    def current_row(self) -> dict[str, Any] | None:
        """The highlighted row as a dict, or None for an empty view."""
        if not 0 <= self.cursor_row < self.row_count:
            return None
        return self._view.row(self.cursor_row, named=True)

    def set_frame(self, frame: pl.DataFrame, columns: list[Column] | None = None) -> None:
        """Show `frame`, keeping the current search, filters, sort and cursor index.

        Without `columns`, previously given columns are kept if the frame still has
        them; otherwise one column per frame column is derived.
        """
        if columns:
            self._explicit_columns = list(columns)
        chosen = self._explicit_columns
        schema = frame.schema  # (built afresh on each access: once, not per column)
        if chosen is None or any(column.key not in schema for column in chosen):
            if columns:
                missing = [c.key for c in columns if c.key not in schema]
                raise ValueError(f"columns not in frame: {missing}")
            chosen = default_columns(schema)
        if frame is not self._frame:
            self._facts = SearchFacts(frame)
        self._frame = frame
        self._columns = chosen
        self._forget_missing_columns(schema)
        self._measure_columns()  # before the cursor_column watcher reads the offsets
        self.cursor_column = min(self.cursor_column, max(len(chosen) - 1, 0))
        self._refresh_view(reset_cursor=False)

    def _forget_missing_columns(self, schema: pl.Schema) -> None:
        """Drop sort/search/filter parts naming columns the new frame lacks."""
        search, search_columns, filters = self._query
        if search_columns is not None:
            search_columns = [name for name in search_columns if name in schema]
        filters = {name: value for name, value in filters.items() if name in schema}
        self._query = (search, search_columns, filters)
        if self._sort is not None and self._sort[0] not in schema:
            self._sort = None

    def set_query(
        self,
        search: str = "",
        search_columns: list[str] | None = None,
        filters: dict[str, str | None] | None = None,
    ) -> None:
        """Show rows containing `search` (any of `search_columns`) and equal to `filters`."""
        self._query = (search, search_columns, dict(filters or {}))
        self._refresh_view(reset_cursor=True)

    def sort_by(self, column_key: str | None, descending: bool = False) -> None:
        """Sort the view by a column (nulls last); None restores frame order."""
        self._sort = None if column_key is None else (column_key, descending)
        self._refresh_view(reset_cursor=False)

    # ---- computing the view ---------------------------------------------

    def _refresh_view(self, *, reset_cursor: bool) -> None:
        self._generation += 1
        self._requested = (self._frame, self._query, self._sort)
        frame, (search, search_columns, filters) = self._frame, self._query
        if not search and not any(v is not None for v in filters.values()) and self._sort is None:
            self._apply_view(frame, self._generation, reset_cursor)  # nothing to compute
            return
        base, sort = self._narrowing_base()
        if base.height < SYNC_ROW_LIMIT or not self.is_mounted:
            try:
                predicate = query_expr(frame.schema, search, search_columns, filters,
                                       self._facts)
                view = compute_view(base, predicate, sort)
            except Exception as error:  # polars raises many types; report, don't crash
                self.post_message(self.QueryFailed(self, str(error)))
                return
            self._apply_view(view, self._generation, reset_cursor)
        else:
            self._query_worker(base, self._query, sort, self._facts, self._generation,
                               reset_cursor)

    def _narrowing_base(self) -> tuple[pl.DataFrame, _Sort]:
        """Where to search from: while typing extends the search, the rows already shown.

        Every row matching "溪口镇" also matches "溪口", so filtering the current view
        gives the same rows as filtering the whole frame, in the same (sorted) order,
        and each keystroke gets cheaper instead of costing a full scan.
        """
        applied = self._applied
        search, columns, filters = self._query
        if applied is not None:
            frame, (old_search, old_columns, old_filters), old_sort = applied
            if (frame is self._frame and old_columns == columns and old_filters == filters
                    and old_sort == self._sort and search.lower().startswith(old_search.lower())):
                return self._view, None
        return self._frame, self._sort

    # An explicit description: by default @work repr()s every argument, i.e. the frame.
    @work(
        thread=True,
        exclusive=True,
        group="frame-query",
        exit_on_error=False,
        description="FrameTable query",
    )
    def _query_worker(
        self, frame: pl.DataFrame, query: _Query, sort: _Sort, facts: SearchFacts,
        generation: int, reset_cursor: bool,
    ) -> None:
        """Compute a big view off the main thread; a newer request cancels this one."""
        worker = get_current_worker()
        try:
            search, columns, _ = query
            if search:
                # Once per frame: which columns have few values, which are pure ASCII.
                facts.learn(search, string_columns(frame.schema) if columns is None
                            else columns)
            view = compute_view(frame, query_expr(frame.schema, *query, facts), sort)
        except Exception as error:
            if not worker.is_cancelled:
                self.post_message(self.QueryFailed(self, str(error)))  # thread-safe
            return
        if worker.is_cancelled:
            return
        try:
            self.app.call_from_thread(self._apply_view, view, generation, reset_cursor)
        except Exception:
            pass  # the app is shutting down; nobody is left to show the view

    def _apply_view(self, view: pl.DataFrame, generation: int, reset_cursor: bool) -> None:
        if generation != self._generation:
            return  # a newer request was made after this one started
        self._view = view
        self._applied = self._requested
        self._view_version += 1
        self._slice_key = None
        row = 0 if reset_cursor else min(self.cursor_row, max(view.height - 1, 0))
        self.set_reactive(FrameTable.cursor_row, row)
        self._update_virtual_size()
        if reset_cursor:
            self.scroll_to(y=0, animate=False, force=True)
        self._scroll_to_cursor()
        self.refresh()
        self.post_message(self.Filtered(self, view.height, self._frame.height))
        self.post_message(self.RowHighlighted(self, self.current_row()))

    # ---- geometry -------------------------------------------------------

    def _measure_columns(self) -> None:
        self._widths = column_widths(self._frame, self._columns)
        self._offsets = column_offsets(self._widths)
        self._slice_key = None

    def _update_virtual_size(self) -> None:
        width = sum(self._widths) + max(len(self._widths) - 1, 0)
        self.virtual_size = Size(width, self.row_count + 1)  # +1: header line

    def _body_height(self) -> int:
        return max(self.scrollable_content_region.height - 1, 0)

    def _scroll_to_cursor(self) -> None:
        body = self._body_height()
        if body <= 0:
            return  # not laid out yet; on_resize will call again
        top = self.scroll_offset.y
        if self.cursor_row < top:
            self.scroll_to(y=self.cursor_row, animate=False, force=True)
        elif self.cursor_row >= top + body:
            self.scroll_to(y=self.cursor_row - body + 1, animate=False, force=True)

    def _scroll_to_column(self) -> None:
        if self.cursor_column >= len(self._widths):
            return
        start = self._offsets[self.cursor_column]
        end = start + self._widths[self.cursor_column]
        width, left = self.scrollable_content_region.width, self.scroll_offset.x
        if start < left:
            self.scroll_to(x=start, animate=False, force=True)
        elif end > left + width:
            self.scroll_to(x=min(start, end - width), animate=False, force=True)

    def on_resize(self) -> None:
        self._scroll_to_cursor()

    # ---- reactives --------------------------------------------------------

    def validate_cursor_row(self, value: int) -> int:
        return min(max(value, 0), max(self.row_count - 1, 0))

    def validate_cursor_column(self, value: int) -> int:
        return min(max(value, 0), max(len(self._columns) - 1, 0))

    def watch_cursor_row(self) -> None:
        self._scroll_to_cursor()
        self.post_message(self.RowHighlighted(self, self.current_row()))

    def watch_cursor_column(self) -> None:
        self._scroll_to_column()

    # ---- actions ----------------------------------------------------------

    def action_move_row(self, delta: int) -> None:
        self.cursor_row += delta

    def action_move_column(self, delta: int) -> None:
        self.cursor_column += delta

    def action_page(self, direction: int) -> None:
        """Scroll a page and move the cursor with it, so it keeps its screen line."""
        page = max(self._body_height(), 1) * direction
        self.scroll_to(y=self.scroll_offset.y + page, animate=False, force=True)
        self.cursor_row += page

    def action_cursor_first(self) -> None:
        self.cursor_row = 0

    def action_cursor_last(self) -> None:
        self.cursor_row = self.row_count - 1

    def action_select_cursor(self) -> None:
        row = self.current_row()
        if row is not None:
            self.post_message(self.RowSelected(self, row))

    def action_cycle_sort(self) -> None:
        """Sort by the cursor column: ascending, then descending, then unsorted."""
        if self._columns:
            self._cycle_sort(self._columns[self.cursor_column].key)

    def _cycle_sort(self, key: str) -> None:
        if self._sort is None or self._sort[0] != key:
            self.sort_by(key)
        elif not self._sort[1]:
            self.sort_by(key, descending=True)
        else:
            self.sort_by(None)

    async def _on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None:
            return
        column = column_at(self._offsets, self._widths, offset.x + self.scroll_offset.x)
        if offset.y == 0:  # header: sort by the clicked column
            if column is not None:
                self.cursor_column = column
                self._cycle_sort(self._columns[column].key)
            return
        row = self.scroll_offset.y + offset.y - 1
        if row >= self.row_count:
            return
        if column is not None:
            self.cursor_column = column
        if row == self.cursor_row:
            self.action_select_cursor()
        else:
            self.cursor_row = row
        event.stop()

    # ---- rendering ------------------------------------------------------

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
        first, last = visible_columns(self._offsets, self._widths, scroll_x, width)
        # Only the columns in view are drawn (a file of 10,000 columns drew all of them
        # for every line); the strip starts where the first of them does.
        left = scroll_x - (self._offsets[first] if first < len(self._offsets) else 0)
        if y == 0:
            return self._header_strip(base, first, last).crop_extend(left, left + width, base)
        index = scroll_y + y - 1
        if self.row_count == 0 and y == 1:
            style = base + self.get_component_rich_style("frame-table--empty")
            return Strip([Segment(centre_text(self.empty_text, width), style)])
        if index >= self.row_count:
            return Strip.blank(width, base)
        cells = self._visible_cells(scroll_y, max(body, y), first, last)[y - 1]
        if index == self.cursor_row:
            # Cell colours are dropped so the cursor stays readable on any theme.
            style = base + self.get_component_rich_style("frame-table--cursor")
            cells = [(text, None) for text, _ in cells]
        elif self.zebra_stripes and index % 2 == 0:
            style = base + self.get_component_rich_style("frame-table--even")
        else:
            style = base
        return cells_strip(cells, style).crop_extend(left, left + width, style)

    def _visible_cells(self, scroll_y: int, height: int, first: int, last: int) -> list[Cells]:
        """Text and style of every visible row's columns `first..last`, sliced from the
        view once per scroll."""
        key = (self._view_version, scroll_y, height, first, last)
        if key != self._slice_key:
            columns = self._columns[first:last]
            rows = self._view.slice(scroll_y, height).select([c.key for c in columns]).rows()
            widths = self._widths[first:last]
            self._slice_rows = [self._row_cells(row, columns, widths) for row in rows]
            self._slice_key = key
        return self._slice_rows

    @staticmethod
    def _row_cells(row: Sequence[Any], columns: Sequence[Column],
                   widths: Sequence[int]) -> Cells:
        return [
            (render_cell(column, value, width), cell_style(column, value))
            for column, width, value in zip(columns, widths, row)
        ]

    def _header_strip(self, base: Style, first: int, last: int) -> Strip:
        style = base + self.get_component_rich_style("frame-table--header")
        cursor = self.cursor_column - first if self.has_focus else None
        cursor_style = self.get_component_rich_style("frame-table--header-cursor")
        cells = header_cells(self._columns[first:last], self._widths[first:last], self._sort,
                             cursor, cursor_style)
        return cells_strip(cells, style)
