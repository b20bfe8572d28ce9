"""Section 6, History: the long series from series.csv and imported statistics
exports, and every figure the period folders give at two or more times, each with
its latest figure and its trend line (docs/time.md); Enter shows the whole series."""

from __future__ import annotations

import polars as pl
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.widgets import Input, Static

from econdash.core.formatting import fmt_number
from econdash.core.i18n import tr
from econdash.core.query.series import (
    all_series_points,
    history_frame,
    series_points,
    series_summary,
)
from econdash.core.query.table_specs import HISTORY_SEARCH
from econdash.core.query.trend import default_trend, growth_points, trends
from econdash.tui.screens.base import SectionScreen
from econdash.tui.screens.localized import LocalizedModalScreen
from econdash.tui.state import dashboard
from econdash.tui.text import fmt_growth, growth_style, literal
from econdash.tui.widgets.frame_table import Column, FrameTable
from econdash.tui.widgets.trend_line import COMPUTED_MARK, trend_block, trend_cell


def history_columns(lang: str, regions: bool = True) -> list[Column]:
    """Columns of the history table (the region only when some series has one)."""
    return [
        Column("name", tr("name", lang), width=30),
        *([Column("region", tr("excel.region", lang))] if regions else []),
        Column("kind", tr("kind", lang), format=lambda k: tr(f"kind.{k}", lang)),
        Column("unit", tr("unit", lang)),
        Column("points", tr("points", lang), align="right"),
        Column("first", tr("first", lang)),
        Column("last", tr("last", lang)),
        Column("value", tr("latest", lang), align="right"),
        Column("yoy_pct", tr("yoy", lang), align="right", style=growth_style),
        Column("trend", tr("time.trend_col", lang)),
        Column("category", tr("category", lang)),
    ]


def with_trends(summary: pl.DataFrame, history: pl.DataFrame, lang: str) -> pl.DataFrame:
    """The summary with each series' default trend line as text (to its latest point)."""
    points = all_series_points(history)
    cells = []
    for indicator, region, kind, unit in summary.select("indicator", "region", "kind",
                                                        "unit").iter_rows():
        line = points.get((indicator, region, kind), [])
        cells.append(trend_cell(default_trend(line, line[-1].span), lang, unit) if line else "")
    return summary.with_columns(pl.Series("trend", cells, dtype=pl.String))


class HistoryScreen(SectionScreen):
    """History series with search."""

    SECTION = "history"
    EXPORT_HIDDEN = frozenset({"trend"})
    AUTO_FOCUS = "#history-table"
    BINDINGS = [
        Binding("slash", "search", "Search"),
        Binding("escape", "clear", "Clear"),
    ]

    def compose_body(self) -> ComposeResult:
        yield Input(placeholder="", id="history-search", compact=True)
        yield FrameTable(id="history-table")
        yield Static("", id="history-status", classes="status-line")

    def refresh_all(self) -> None:
        # History needs a dataset, not a period: a series-only dataset still shows.
        super().refresh_all()
        if self.dash.dataset is not None and self.period is None:
            self.query_one("#no-data").display = False
            self.query_one("#section").display = True
            self.refresh_section()

    def refresh_section(self) -> None:
        dataset = self.dash.dataset
        assert dataset is not None
        lang = self.lang
        history = history_frame(dataset, self.dash.observations)
        summary = with_trends(series_summary(dataset, lang, self.dash.observations), history, lang)
        table = self.query_one("#history-table", FrameTable)
        table.empty_text = tr("no_series", lang) if summary.height == 0 else tr("no_rows", lang)
        regions = summary.height > summary["region"].null_count()
        table.set_frame(summary, history_columns(lang, regions))
        self.query_one("#history-search", Input).placeholder = tr("search_placeholder", lang)
        self._status(table)

    def _status(self, table: FrameTable) -> None:
        text = tr("shown_of", self.lang, shown=table.row_count, total=table.total_count)
        if table.total_count and table.view_frame.height and (
                table.view_frame.get_column("trend").str.ends_with(COMPUTED_MARK).any()):
            text += "   " + tr("time.computed_note", self.lang)
        self.query_one("#history-status", Static).update(literal(text))

    def on_input_changed(self, event: Input.Changed) -> None:
        table = self.query_one("#history-table", FrameTable)
        table.set_query(event.value, list(HISTORY_SEARCH))

    def on_input_submitted(self) -> None:
        self.query_one("#history-table", FrameTable).focus()

    def on_frame_table_filtered(self) -> None:
        self._status(self.query_one("#history-table", FrameTable))

    def on_frame_table_row_selected(self, event: FrameTable.RowSelected) -> None:
        self.app.push_screen(SeriesDetailScreen(event.row["indicator"], event.row["kind"],
                                                event.row["name"], event.row.get("unit"),
                                                event.row.get("region")))

    def action_search(self) -> None:
        """Focus the search box."""
        self.query_one("#history-search", Input).focus()

    def action_clear(self) -> None:
        """Clear the search and go back to the table."""
        self.query_one("#history-search", Input).value = ""
        self.query_one("#history-table", FrameTable).focus()


class SeriesDetailScreen(LocalizedModalScreen):
    """Every observation of one history series, with value and growth sparklines."""

    BINDINGS = [Binding("escape,q", "close", "Close")]

    def __init__(self, indicator: str, kind: str, name: str, unit: str | None,
                 region: str | None = None) -> None:
        super().__init__()
        self.indicator, self.kind, self.series_name, self.unit = indicator, kind, name, unit
        self.series_region = region

    def compose(self) -> ComposeResult:
        lang = dashboard(self).lang
        dataset = dashboard(self).dataset
        points = (series_points(dataset, self.indicator, self.kind, self.series_region,
                                dashboard(self).observations)
                  if dataset else [])
        with Vertical(classes="dialog"):
            facts = ", ".join(x for x in (self.series_region, self.unit, tr("kind." + self.kind, lang))
                              if x)
            yield Static(literal(f"{self.series_name}  ({facts})  Esc"), classes="dialog-title")
            lines = trends(points, points[-1].span) if points else []
            for line in lines:
                yield Static(trend_block(line, lang, self.unit), classes="detail-trend",
                             id=f"series-trend-{line.measure}")
            if not lines:
                yield Static(tr("time.no_trend", lang), classes="detail-hint")
            if any(line.any_computed for line in lines):
                yield Static(tr("time.computed_note", lang), classes="detail-hint")
            with VerticalScroll():
                yield Static(_observation_lines(points, lang))

    def on_mount(self) -> None:
        self.add_class("modal")

    def action_close(self) -> None:
        self.dismiss()


def _observation_lines(points, lang: str) -> Text:
    """Newest first: span, value, growth (computed growth marked '*')."""
    computed = {p.span: p.value for p in growth_points(points) if p.computed}
    text = Text()
    for point in reversed(points):
        text.append(f"{point.span.label(lang):<16}", style="bold")
        text.append(f"{fmt_number(point.value):>14}  ")
        if point.yoy_pct is None and point.span in computed:
            text.append_text(fmt_growth(round(computed[point.span], 1)))
            text.append(COMPUTED_MARK, style="yellow")
        else:
            text.append_text(fmt_growth(point.yoy_pct))
        text.append("\n")
    return text
