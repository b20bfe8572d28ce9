"""The counts of one column's values (VisiData's `F`): value, rows, share and a bar,
largest first, over the rows the table shows. Enter on a value closes the dialog and
filters the table to it (the table decides how: see `FrameTable.filter_to_value`).

The counting is one polars group_by (`core.query.column_stats.value_counts`): at once
for small tables, in a worker thread for big ones, so a million rows never block keys.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any, ClassVar

import polars as pl
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import Static

from econdash.core.formatting import fmt_number
from econdash.core.i18n import tr
from econdash.core.query.column_stats import COUNT, SHARE, VALUE, value_counts
from econdash.tui.screens.column_dialog import ColumnDialog
from econdash.tui.text import literal
from econdash.tui.widgets.frame_table import FrameTable
from econdash.tui.widgets.frame_table_render import Column, cell_text

"""Tables up to this many rows are counted at once; bigger ones in a worker."""
BAR_WIDTH = 28


def counts_columns(source: Column, lang: str) -> list[Column]:
    """The counts table's columns: the value formatted as the source column formats it
    (an empty value named as such), its rows, and its share as a bar with a percentage."""
    def value_text(value: Any) -> str:
        return tr("tables.empty_value", lang) if value is None else cell_text(source, value)
    value = replace(source, key=VALUE, label=source.header, width=None, format=value_text,
                    bar=False, align="left")
    return [value,
            Column(COUNT, tr("tables.count", lang), align="right",
                   format=lambda n: f"{n:,}"),
            Column(SHARE, tr("tables.share", lang), bar=True, width=BAR_WIDTH)]


class ColumnCountsScreen(ColumnDialog):
    """Counts of the values of `column` in `frame`; dismisses with (key, value) or None."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape,q", "close", "Close")]
    DEFAULT_CSS = """
    ColumnCountsScreen > .dialog { width: 84; max-width: 95%; }
    """

    def __init__(self, frame: pl.DataFrame, column: Column, lang: str) -> None:
        super().__init__(frame, column, lang)
        self.counts: pl.DataFrame | None = None

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog counts-dialog"):
            yield Static(literal(tr("tables.counts_title", self.lang, column=self.column.header)),
                         classes="dialog-title")
            yield FrameTable(counts_columns(self.column, self.lang), id="counts-table")
            yield Static(tr("tables.counting", self.lang, rows=f"{self.frame.height:,}"),
                         id="counts-status", classes="status-line")

    def on_mount(self) -> None:
        table = self.query_one(FrameTable)
        table.empty_text = tr("no_rows", self.lang)
        self.start_computing()

    def compute(self) -> pl.DataFrame:
        return value_counts(self.frame, self.column.key)

    def show(self, counts: pl.DataFrame | str) -> None:
        status = self.query_one("#counts-status", Static)
        if isinstance(counts, str):
            status.update(literal(tr("tables.failed", self.lang, error=counts)))
            return
        self.counts = counts
        table = self.query_one(FrameTable)
        table.set_frame(counts)
        table.focus()
        summary = tr("tables.counts_summary", self.lang, rows=fmt_number(self.frame.height),
                     distinct=fmt_number(counts.height))
        status.update(f"{summary}    {tr('tables.counts_hint', self.lang)}")

    @on(FrameTable.RowSelected, "#counts-table")
    def _picked(self, event: FrameTable.RowSelected) -> None:
        event.stop()
        self.dismiss((self.column.key, event.row[VALUE]))

    def action_close(self) -> None:
        self.dismiss(None)
