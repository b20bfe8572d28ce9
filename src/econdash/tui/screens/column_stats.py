"""Column statistics (`i`): count, empty, distinct, minimum and maximum, and for numbers
sum, mean and median; for text the most frequent values. Of the rows the table shows,
computed in one polars pass (`core.query.column_stats`), in a worker for big tables.
"""

from __future__ import annotations

from typing import Any, ClassVar

import polars as pl
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.widgets import Static

from econdash.core.formatting import fmt_number
from econdash.core.i18n import tr
from econdash.core.query.column_stats import ColumnStats, column_stats
from econdash.tui.screens.column_dialog import ColumnDialog
from econdash.tui.text import literal
from econdash.tui.widgets.frame_table_render import Column, cell_text

"""Tables up to this many rows get their statistics at once; bigger ones in a worker."""
COUNT_FIELDS = frozenset({"count", "nulls", "distinct"})


def stat_text(stats: ColumnStats, name: str, value: Any, column: Column) -> str:
    """One statistic as text: counts with thousands separators, min/max as the table
    shows the column, sum/mean/median as numbers."""
    if value is None:
        return "-"
    if name in COUNT_FIELDS:
        return f"{value:,}"
    if name in ("min", "max"):
        return cell_text(column, value)
    return fmt_number(value)


def stats_table(stats: ColumnStats, column: Column, lang: str) -> Table:
    """The statistics as label / value lines, then the top values with their rows and
    share (pure, for tests). Long text wraps instead of being cut."""
    table = Table(box=None, show_header=False, padding=(0, 2, 0, 0), expand=True)
    table.add_column(style="bold cyan", overflow="fold", ratio=2)
    table.add_column(overflow="fold", ratio=3)
    for name, value in stats.items():
        table.add_row(tr(f"tables.stat.{name}", lang),
                      literal(stat_text(stats, name, value, column)))
    if stats.top:
        table.add_row("", "")
        table.add_row(tr("tables.stat.top", lang), "")
        for value, count in stats.top:
            share = f"{count / stats.rows:.1%}" if stats.rows else ""
            table.add_row(literal(cell_text(column, value), style="not bold default"),
                          Text(f"{count:,}  ({share})"))
    return table


class ColumnStatsScreen(ColumnDialog):
    """The statistics of one column of the rows a table shows; Esc or q closes."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape,q,i", "close", "Close")]

    def __init__(self, frame: pl.DataFrame, column: Column, lang: str) -> None:
        super().__init__(frame, column, lang)
        self.stats: ColumnStats | None = None

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog detail-dialog"):
            yield Static(literal(tr("tables.stats_title", self.lang, column=self.column.header)),
                         classes="dialog-title")
            yield Static(tr("tables.stat.rows", self.lang, rows=f"{self.frame.height:,}"))
            with VerticalScroll():
                yield Static(tr("tables.counting", self.lang, rows=f"{self.frame.height:,}"),
                             id="stats-body")
            yield Static(tr("tables.close_hint", self.lang), classes="status-line")

    def on_mount(self) -> None:
        self.start_computing()

    def compute(self) -> ColumnStats:
        return column_stats(self.frame, self.column.key)

    def show(self, stats: ColumnStats | str) -> None:
        body = self.query_one("#stats-body", Static)
        if isinstance(stats, str):
            body.update(literal(tr("tables.failed", self.lang, error=stats)))
            return
        self.stats = stats
        body.update(stats_table(stats, self.column, self.lang))

    def action_close(self) -> None:
        self.dismiss(None)
