"""`FrameTable`: a virtual table over a polars DataFrame.

Textual's DataTable copies every cell into Python objects, which is far too slow
for 100k+ rows. FrameTable uses the Line API: it keeps the (filtered, sorted) view
as a polars frame and only turns the rows on screen into Python values.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, ClassVar

import polars as pl
from rich.style import Style
from textual import events, work
from textual.binding import Binding, BindingType
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.worker import get_current_worker

from econdash.core.query.view import Sort, Sorts, TableView, ViewRequest
from econdash.tui.widgets.frame_table_layout import (
    ColumnLayout,
    VisibleCells,
    choose_columns,
    scroll_to_show,
)
from econdash.tui.widgets.frame_table_moves import TableMoves
from econdash.tui.widgets.frame_table_paint import TablePainting
from econdash.tui.widgets.frame_table_render import Column

__all__ = ["Column", "FrameTable"]

SYNC_ROW_LIMIT = 20_000
"""Frames smaller than this are queried on the main thread (instant, test friendly)."""


@dataclass(eq=False)  # (Message supports dataclasses: its __post_init__ sets it up)
class TableMessage(Message):
    """Base for FrameTable messages; `control` lets `@on(..., "#id")` selectors work."""

    table: FrameTable

    @property
    def control(self) -> FrameTable:
        return self.table


class FrameTable(TableMoves, TablePainting, ScrollView, can_focus=True):
    """A scrollable, searchable, sortable table that renders only visible rows; its first
    column stays while it scrolls right (see frame_table_layout)."""

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
        Binding("S", "then_sort", "Then sort", show=False),
        Binding("F", "column_counts", "Counts"),
        Binding("i", "column_stats", "Column stats", show=False),
        Binding("ctrl+g", "goto_row", "Go to row", show=False),
        Binding("minus", "hide_column", "Hide column", show=False),
        Binding("plus", "show_columns", "Show columns", show=False),
        Binding("y", "copy_cell", "Copy cell", show=False),
        Binding("Y", "copy_row", "Copy row", show=False),
        Binding("v", "view_cell", "Cell text", show=False),
        Binding("escape", "clear_pins", "Clear", show=False),
    ]

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "frame-table--header",
        "frame-table--header-cursor",
        "frame-table--header-sorted",
        "frame-table--cursor-cell",
        "frame-table--frozen-edge",
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
        & > .frame-table--header-cursor { text-style: bold reverse; background: $panel; }
        & > .frame-table--header-sorted { text-style: bold; color: $accent; }
        & > .frame-table--frozen-edge { color: $primary; }
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
        & > .frame-table--cursor-cell { text-style: bold underline; }
    }
    """

    cursor_row: reactive[int] = reactive(0, init=False)
    """Index of the highlighted row within the current (filtered, sorted) view."""
    cursor_column: reactive[int] = reactive(0, init=False)
    """Index (among the shown columns) of the column that `s`, `F`, `i` … act on."""
    zebra_stripes: reactive[bool] = reactive(True)
    """Shade every other row."""

    empty_text: reactive[str] = reactive("无匹配行 / No matching rows")
    """Shown when the view has no rows; the app may replace it per language."""

    @dataclass(eq=False)
    class RowHighlighted(TableMessage):
        """The cursor moved to another row (or the view changed under it)."""

        row: dict[str, Any] | None

    @dataclass(eq=False)
    class RowSelected(TableMessage):
        """Enter was pressed, or the highlighted row was clicked."""

        row: dict[str, Any]

    @dataclass(eq=False)
    class Filtered(TableMessage):
        """A new view (after search/filter/sort/set_frame) is on screen."""

        shown: int
        total: int

    @dataclass(eq=False)
    class QueryFailed(TableMessage):
        """Computing the view raised; the previous view stays on screen."""

        message: str

    def __init__(self, columns: list[Column] | None = None, *, id: str | None = None,
                 classes: str | None = None, name: str | None = None) -> None:
        super().__init__(id=id, classes=classes, name=name)
        self._explicit_columns = list(columns) if columns else None
        self._measured = ColumnLayout(tuple(columns or []))  # every column, by set_frame
        self._layout = self._measured  # the shown ones, fitted to the window
        self._hidden: frozenset[str] = frozenset()  # keys of columns hidden with `-`
        self._state = TableView()  # frame, search, filters, sort; the view applied
        self._cells = VisibleCells()
        self._paint: tuple[Style, int, int] | None = None  # set during render_lines

    # ---- public API ---------------------------------------------------

    @property
    def row_count(self) -> int:
        """Rows in the current view (after search/filter)."""
        return self._state.view.height

    @property
    def total_count(self) -> int:
        """Rows in the underlying frame."""
        return self._state.frame.height

    @property
    def view_frame(self) -> pl.DataFrame:
        """The rows as shown (filtered and sorted), e.g. for export."""
        return self._state.view

    @property
    def columns(self) -> list[Column]:
        """The columns being shown."""
        return list(self._layout.columns)

    @property
    def column_widths(self) -> list[int]:
        """Each shown column's width in cells (once a frame is set)."""
        return list(self._layout.widths)


    @property
    def sort_state(self) -> Sort:
        """(column key, descending) of the main sort, or None when unsorted."""
        return self._state.sort

    @property
    def sort_keys(self) -> Sorts:
        """Every sort key, the main one first, then its tie-breaks."""
        return self._state.sorts

    @property
    def hidden_columns(self) -> frozenset[str]:
        """Keys of the columns hidden with `-`."""
        return self._hidden

    def current_row(self) -> dict[str, Any] | None:
        """The highlighted row as a dict, or None for an empty view."""
        if not 0 <= self.cursor_row < self.row_count:
            return None
        return self._state.view.row(self.cursor_row, named=True)

    def set_frame(self, frame: pl.DataFrame, columns: list[Column] | None = None) -> None:
        """Show `frame`, keeping the current search, filters, sort and cursor index.

        Without `columns`, previously given columns are kept if the frame still has
        them; otherwise one column per frame column is derived.
        """
        schema = frame.schema  # (built afresh on each access: once, not per column)
        chosen = choose_columns(schema, columns, self._explicit_columns)
        if columns:
            self._explicit_columns = list(columns)
        self._state.set_frame(frame, schema)
        self._measured = ColumnLayout.measure(frame, chosen)
        self._hidden = frozenset(k for k in self._hidden if k in schema)
        self._relayout()  # before cursor_column's watcher
        if not self.scrollable_content_region.width:
            self.call_after_refresh(self._refit)  # not laid out yet: fit once it is
        self._refresh_view(reset_cursor=False)

    def _relayout(self) -> None:
        """The shown columns (not hidden) fitted to the window; keeps the cursor column."""
        layout = self._measured
        if len(self._hidden) >= len(layout.columns):
            self._hidden = frozenset()  # never hide every column
        self._layout = layout.without(self._hidden).fit(self.scrollable_content_region.width)
        self._cells.forget()
        self.cursor_column = min(self.cursor_column, max(len(self._layout.columns) - 1, 0))
        self.virtual_size = Size(self._layout.width, self._state.view.height + 1)
        self._scroll_to_column()
        self.refresh()

    def set_query(self, search: str = "", search_columns: list[str] | None = None,
                  filters: dict[str, str | None] | None = None) -> None:
        """Show rows containing `search` (any of `search_columns`) and equal to `filters`."""
        self._state.set_query(search, search_columns, filters)
        self._refresh_view(reset_cursor=True)

    def sort_by(self, column_key: str | None, descending: bool = False) -> None:
        """Sort the view by a column (nulls last); None restores frame order."""
        self._state.sort_by(column_key, descending)
        self._refresh_view(reset_cursor=False)

    # ---- computing the view ---------------------------------------------

    def _refresh_view(self, *, reset_cursor: bool) -> None:
        """Request the view of the current frame and query: applied at once when there is
        nothing to compute or little to filter, else computed by a worker."""
        request = self._state.request()
        if request.shows_frame:
            self._apply_view(request, request.frame, reset_cursor)
        elif request.base.height < SYNC_ROW_LIMIT or not self.is_mounted:
            try:
                view = request.compute()
            except Exception as error:  # polars raises many types; report, don't crash
                self.post_message(self.QueryFailed(self, str(error)))
                return
            self._apply_view(request, view, reset_cursor)
        else:
            self._query_worker(request, reset_cursor)

    # An explicit description: by default @work repr()s every argument, i.e. the frame.
    @work(thread=True, exclusive=True, group="frame-query", exit_on_error=False,
          description="FrameTable query")
    def _query_worker(self, request: ViewRequest, reset_cursor: bool) -> None:
        """Compute a big view off the main thread; a newer request cancels this one."""
        worker = get_current_worker()
        try:
            request.learn()
            view = request.compute()
        except Exception as error:
            if not worker.is_cancelled:
                self.post_message(self.QueryFailed(self, str(error)))  # thread-safe
            return
        if worker.is_cancelled:
            return
        try:
            self.app.call_from_thread(self._apply_view, request, view, reset_cursor)
        except Exception:
            pass  # the app is shutting down; nobody is left to show the view

    def _apply_view(self, request: ViewRequest, view: pl.DataFrame, reset_cursor: bool) -> None:
        if not self._state.apply(request, view):
            return  # a newer request was made after this one started
        self._cells.forget()
        row = 0 if reset_cursor else min(self.cursor_row, max(view.height - 1, 0))
        self.set_reactive(FrameTable.cursor_row, row)
        self.virtual_size = Size(self._layout.width, view.height + 1)  # +1: header line
        if reset_cursor:
            self.scroll_to(y=0, animate=False, force=True)
        self._scroll_to_cursor()
        self.refresh()
        self.post_message(self.Filtered(self, view.height, self.total_count))
        self.post_message(self.RowHighlighted(self, self.current_row()))

    # ---- geometry -------------------------------------------------------

    def _scroll_to_cursor(self) -> None:
        body = max(self.scrollable_content_region.height - 1, 0)  # rows below the header
        if body <= 0:
            return  # not laid out yet; on_resize will call again
        y = scroll_to_show(self.cursor_row, self.cursor_row + 1, self.scroll_offset.y, body)
        if y is not None:
            self.scroll_to(y=y, animate=False, force=True)

    def _scroll_to_column(self) -> None:
        x = self._layout.scroll_to_show_frozen(self.cursor_column, self.scroll_offset.x,
                                               self.scrollable_content_region.width)
        if x is not None:
            self.scroll_to(x=x, animate=False, force=True)

    def on_resize(self) -> None:
        self._refit()
        self._scroll_to_cursor()

    def _refit(self) -> None:
        """Fit the columns again if the window's width asks for other widths."""
        width = self.scrollable_content_region.width
        if width and self._measured.without(self._hidden).fit(width).widths != self._layout.widths:
            self._relayout()

    # ---- reactives --------------------------------------------------------

    def validate_cursor_row(self, value: int) -> int:
        return min(max(value, 0), max(self.row_count - 1, 0))

    def validate_cursor_column(self, value: int) -> int:
        return min(max(value, 0), max(len(self._layout.columns) - 1, 0))

    def watch_cursor_row(self) -> None:
        self._scroll_to_cursor()
        self.post_message(self.RowHighlighted(self, self.current_row()))

    def watch_cursor_column(self) -> None:
        self._scroll_to_column()
        self.refresh()  # the header and cursor cell marks move

    # ---- actions ----------------------------------------------------------

    def action_move_row(self, delta: int) -> None:
        self.cursor_row += delta

    def action_move_column(self, delta: int) -> None:
        self.cursor_column += delta

    def action_page(self, direction: int) -> None:
        """Scroll a page and move the cursor with it, so it keeps its screen line."""
        page = max(self.scrollable_content_region.height - 1, 1) * direction
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
        if self._layout.columns:
            self._cycle_sort(self._layout.columns[self.cursor_column].key)

    def _cycle_sort(self, key: str) -> None:
        self._state.cycle_sort(key)
        self._refresh_view(reset_cursor=False)

    async def _on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None:
            return
        column = self._layout.at_screen(offset.x, self.scroll_offset.x,
                                        self.scrollable_content_region.width)
        if offset.y == 0:  # header: sort by the clicked column
            if column is not None:
                self.cursor_column = column
                self._cycle_sort(self._layout.columns[column].key)
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
