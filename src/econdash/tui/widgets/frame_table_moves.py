"""The analyst's moves of a `FrameTable` (its keys are in FrameTable.BINDINGS and
tui/keys.py): counts by column (`F`), column statistics (`i`), sorting by a second
column (`S`), go to row (ctrl+g), hide / show columns (`-` / `+`), copy the cell or
the row (`y` / `Y`, OSC 52 through Textual) and a cell's full text (`v`).

A mixin, so the widget module keeps to drawing and the view; the dialogs these open
live in tui/screens (imported when first used: the first frame never needs them).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Protocol

from textual.actions import SkipAction

from econdash.core.i18n import tr
from econdash.tui.text import toast
from econdash.tui.widgets.frame_table_render import Column, cell_text

if TYPE_CHECKING:
    import polars as pl
    from textual.reactive import reactive
    from textual.scroll_view import ScrollView

    from econdash.core.query.view import TableView
    from econdash.tui.widgets.frame_table import FrameTable
    from econdash.tui.widgets.frame_table_layout import ColumnLayout

    class _MovesBase(ScrollView):
        """What the moves use of `FrameTable` (for the type checker only)."""

        cursor_row: reactive[int]
        cursor_column: reactive[int]
        _layout: ColumnLayout
        _hidden: frozenset[str]
        _state: TableView

        @property
        def row_count(self) -> int: ...
        @property
        def view_frame(self) -> pl.DataFrame: ...
        def current_row(self) -> dict[str, Any] | None: ...
        def _relayout(self) -> None: ...
        def _refresh_view(self, *, reset_cursor: bool) -> None: ...
else:
    _MovesBase = object  # at run time FrameTable brings all of it


class ValueFilterHost(Protocol):
    """A screen that filters its table through its own filters (a `FilterBar`)."""

    def filter_table_to(self, table: FrameTable, key: str, value: Any) -> bool:
        """Filter `table` to rows whose column `key` holds `value`; False when the
        screen's filters can't (the table then keeps the value itself)."""
        ...


def interface_lang(node: Any) -> str:
    """The app's interface language ('zh' when the app has none, e.g. in tests)."""
    return getattr(node.app, "lang", "zh")


class TableMoves(_MovesBase):
    """Actions of `FrameTable` beyond moving and sorting (mixed into it)."""

    actions_left_to_screen: frozenset[str] = frozenset()
    """Table moves whose keys the screen uses for itself (the review's `v` corrects)."""

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """An action left to the screen is off here, so its key reaches the screen."""
        return action not in self.actions_left_to_screen

    # ---- what the cursor is on ---------------------------------------------

    def cursor_key(self) -> str | None:
        """The key of the column under the cursor (None when there are no columns)."""
        columns = self._layout.columns
        return columns[self.cursor_column].key if columns else None

    def cursor_column_spec(self) -> Column | None:
        columns = self._layout.columns
        return columns[self.cursor_column] if columns else None

    def cell_text_at_cursor(self) -> str | None:
        """The cursor cell as the table formats it, uncut (None on an empty view)."""
        row, column = self.current_row(), self.cursor_column_spec()
        if row is None or column is None:
            return None
        return cell_text(column, row.get(column.key))

    # ---- counts and statistics ---------------------------------------------

    def action_column_counts(self) -> None:
        """`F`: the counts of the cursor column's values over the rows shown."""
        column = self.cursor_column_spec()
        if column is None:
            return
        from econdash.tui.screens.column_counts import ColumnCountsScreen
        self.app.push_screen(ColumnCountsScreen(self.view_frame, column,
                                                interface_lang(self)), self._counts_closed)

    def _counts_closed(self, picked: tuple[str, Any] | None) -> None:
        if picked is not None:
            self.filter_to_value(*picked)

    def filter_to_value(self, key: str, value: Any) -> None:
        """Show only rows whose column `key` holds `value`: through the screen's own
        filters when it has one for that column, else kept by the table (Esc drops it)."""
        host = self.screen
        handler = getattr(host, "filter_table_to", None)
        if handler is not None and handler(self, key, value):
            return
        self._state.pin(key, value)
        self._refresh_view(reset_cursor=True)
        column = next((c for c in self._layout.columns if c.key == key), None)
        label = column.header if column else key
        shown = tr("tables.empty_value", interface_lang(self)) if value is None else (
            cell_text(column, value) if column else str(value))
        toast(self, tr("tables.pinned", interface_lang(self), column=label, value=shown))

    def action_clear_pins(self) -> None:
        """Esc: drop the values picked from counts; without any, Esc means what the
        screen says (clear its filters, close)."""
        if not self._state.pins:
            raise SkipAction()
        self._state.clear_pins()
        self._refresh_view(reset_cursor=False)

    def action_column_stats(self) -> None:
        """`i`: statistics of the cursor column over the rows shown."""
        column = self.cursor_column_spec()
        if column is None:
            return
        from econdash.tui.screens.column_stats import ColumnStatsScreen
        self.app.push_screen(ColumnStatsScreen(self.view_frame, column, interface_lang(self)))

    # ---- sorting, going, hiding ---------------------------------------------

    def action_then_sort(self) -> None:
        """`S`: sort also by the cursor column, the sort so far breaking ties first."""
        key = self.cursor_key()
        if key is not None:
            self._state.cycle_then_sort(key)
            self._refresh_view(reset_cursor=False)

    def action_goto_row(self) -> None:
        """ctrl+g: ask for a row number and put the cursor there."""
        from econdash.tui.screens.table_dialogs import GotoRowScreen

        def go(number: int | None) -> None:
            if number is not None:
                self.cursor_row = number - 1
                self.focus()
        self.app.push_screen(GotoRowScreen(self.row_count, interface_lang(self)), go)

    def action_hide_column(self) -> None:
        """`-`: hide the cursor column (the last one shown stays)."""
        key = self.cursor_key()
        if key is None or len(self._layout.columns) <= 1:
            return
        self._hidden = self._hidden | {key}
        self._relayout()
        toast(self, tr("tables.hidden", interface_lang(self), count=len(self._hidden)))

    def action_show_columns(self) -> None:
        """`+`: show every hidden column again."""
        if self._hidden:
            self._hidden = frozenset()
            self._relayout()

    # ---- copying and reading ------------------------------------------------

    def action_copy_cell(self) -> None:
        """`y`: the cursor cell's text to the clipboard (OSC 52: works over ssh)."""
        text = self.cell_text_at_cursor()
        if text is not None:
            self.app.copy_to_clipboard(text)
            toast(self, tr("tables.copied_cell", interface_lang(self), text=text[:60]))

    def action_copy_row(self) -> None:
        """`Y`: the cursor row's shown cells, tab-separated (pastes into a spreadsheet)."""
        row = self.current_row()
        if row is None:
            return
        text = "\t".join(cell_text(c, row.get(c.key)) for c in self._layout.columns)
        self.app.copy_to_clipboard(text)
        toast(self, tr("tables.copied_row", interface_lang(self)))

    def action_view_cell(self) -> None:
        """`v`: the cursor cell's full text in a dialog."""
        text, column = self.cell_text_at_cursor(), self.cursor_column_spec()
        if text is None or column is None:
            return
        from econdash.tui.screens.table_dialogs import CellTextScreen
        self.app.push_screen(CellTextScreen(column.header, text, interface_lang(self)))
