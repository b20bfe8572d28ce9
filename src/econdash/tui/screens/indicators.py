"""Section 2, Indicators: every figure of the period in one searchable table.

A one-line filter bar (category select, search box) sits above a FrameTable
grouped by category in report order; Enter opens the indicator's detail.
Search and filter survive period and language changes: `refresh_section`
rebuilds the frame with `set_frame`, which keeps the table's query.
"""

from __future__ import annotations

from dataclasses import replace
from typing import cast

import polars as pl
from rich.cells import cell_len
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.widgets import Input, Select, Static

from econdash.core.formatting import fmt_number_or_blank, fmt_pct_or_blank
from econdash.core.i18n import tr
from econdash.core.model.dataset import PeriodData
from econdash.core.query.series import indicator_series
from econdash.core.query.table_specs import INDICATORS
from econdash.core.query.tables import categories, indicators_frame
from econdash.core.query.trend import default_trend
from econdash.core.terms import term_format
from econdash.tui.screens.base import SectionScreen
from econdash.tui.screens.indicator_detail import IndicatorDetailScreen, category_label
from econdash.tui.text import fmt_rank, growth_style, literal
from econdash.tui.widgets.frame_table import Column, FrameTable
from econdash.tui.widgets.frame_table_render import auto_width, width_sample
from econdash.tui.widgets.trend_line import COMPUTED_MARK, trend_cell

ALL = "*all*"
"""The category select's value for "every category" (never a category name)."""
NAME_MIN = 12
NAME_COMFORT = 24
NAME_MAX = 60
VERTICAL_SCROLLBAR = 2
CORE_COLUMNS = ("category", "value", "unit", "yoy_pct", "span")
"""Columns kept in view beside the name on a narrow screen."""


def indicator_table_frame(period: PeriodData, lang: str,
                          observations: pl.DataFrame | None) -> pl.DataFrame:
    """The period's indicators grouped by category (report order), with rank text and trend."""
    frame = indicators_frame(period, lang)
    order = {name: index for index, name in enumerate(categories(period))}
    ranks, trends = [], []
    for ind in period.indicators:
        ranks.append(fmt_rank(ind, lang))
        points = indicator_series(observations, ind) if observations is not None else []
        trends.append(trend_cell(default_trend(points, ind.span), lang, ind.unit))
    return (frame.with_columns(
                pl.Series("rank_text", ranks, dtype=pl.String),
                pl.Series("trend", trends, dtype=pl.String),
                pl.col("category").replace_strict(order, return_dtype=pl.Int64,
                                                  default=len(order)).alias("category_order"))
            .with_row_index("report_order")
            .sort("category_order", "report_order", maintain_order=True))


def table_columns(lang: str, *, trend: bool = True) -> list[Column]:
    """The table's columns with headers in `lang` (auto widths)."""
    columns = [
        Column("category", tr("category", lang), format=lambda c: category_label(c or "", lang)),
        Column("name", tr("name", lang)),
        Column("value", tr("value", lang), align="right", format=fmt_number_or_blank),
        Column("unit", tr("unit", lang), format=term_format("unit", lang)),
        Column("yoy_pct", tr("yoy", lang), align="right", format=fmt_pct_or_blank, style=growth_style),
        Column("span", tr("span", lang)),
        Column("rank_text", tr("rank", lang)),
    ]
    if trend:
        columns.append(Column("trend", tr("time.trend_col", lang)))
    return columns


def fit_name_width(widths: dict[str, int], available: int) -> int:
    """Width of the name column so the table fits `available` cells when it can.

    Every column shown whole if the names can keep NAME_COMFORT cells; else the
    figures (category .. span) stay in view and rank/trend scroll off to the right.
    Never below NAME_MIN nor above the names' own width.
    """
    natural = widths["name"]
    others = [w for key, w in widths.items() if key != "name"]
    room_all = available - sum(others) - len(others)
    if room_all >= min(natural, NAME_COMFORT):
        return max(min(natural, room_all), NAME_MIN)
    core = [widths[key] for key in CORE_COLUMNS if key in widths]
    room_core = available - sum(core) - len(core)
    return max(min(natural, room_core), NAME_MIN)


def set_select_options(select: Select, options: list[tuple[str, str]], value: str) -> None:
    """Replace a (no-blank) Select's options, keeping `value` if it is still offered.

    Select redraws its label only when the value changes, so after new labels
    (another language) for the same value it steps off and back.
    """
    legal = [v for _, v in options]
    target = value if value in legal else legal[0]
    select.set_options([(literal(label), v) for label, v in options])
    if select.value == target and len(legal) > 1:
        select.value = next(v for v in legal if v != target)
    select.value = target


class IndicatorsScreen(SectionScreen):
    """The period's indicators: filter by category, search by name, Enter for details."""

    SECTION = "indicators"
    AUTO_FOCUS = "#ind-table"
    EXPORT_HIDDEN = frozenset({"report_order", "category_order", "rank_text", "trend"})
    BINDINGS = [
        Binding("slash", "search", "Search"),
        Binding("f", "next_filter", "Filter"),
        Binding("escape", "clear", "Clear"),
    ]

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._applied: tuple[str, str | None] | None = None  # (search, category) in the table
        self._options_key: tuple[str, tuple[str, ...]] | None = None
        self._pending_reveal: str | None = None
        self._frame_key: tuple[int, int, str, str] | None = None
        self._frame: pl.DataFrame | None = None
        self._fitted_width: int | None = None

    def compose_body(self) -> ComposeResult:
        with Horizontal(classes="filter-bar", id="ind-filter-bar"):
            yield Select([(tr("all_categories", self.lang), ALL)], compact=True,
                         allow_blank=False, value=ALL, id="ind-category")
            yield Input(placeholder=tr("search_placeholder", self.lang), compact=True,
                        id="ind-search")
        yield FrameTable(id="ind-table")
        yield Static("", id="ind-status", classes="status-line")

    # ---- building ---------------------------------------------------------

    @property
    def table(self) -> FrameTable:
        return self.query_one("#ind-table", FrameTable)

    @property
    def category_select(self) -> Select:
        return self.query_one("#ind-category", Select)

    @property
    def search_input(self) -> Input:
        return self.query_one("#ind-search", Input)

    def refresh_section(self) -> None:
        period = self.period
        assert period is not None
        lang = self.lang
        self._refresh_options(period, lang)
        self.search_input.placeholder = tr("search_placeholder", lang)
        table = self.table
        table.empty_text = tr("no_rows", lang)
        key = (id(self.dash.dataset), id(self.dash.observations), period.id, lang)
        if key != self._frame_key:
            self._frame_key = key
            self._frame = indicator_table_frame(period, lang, self.dash.observations)
            self._fitted_width = None
        self._fit_columns()
        self._apply_query()
        if self._pending_reveal is not None:
            self._do_reveal()

    def _fit_columns(self) -> None:
        """(Re)send frame and columns when the frame or the width changed."""
        if self._frame is None:
            return
        table = self.table
        available = (self.size.width or self.app.size.width) - VERTICAL_SCROLLBAR
        if available == self._fitted_width:
            return
        self._fitted_width = available
        frame = self._frame
        has_trend = bool(frame.height) and cast(int, frame.get_column("trend").str.len_chars().max()) > 0
        columns = table_columns(self.lang, trend=has_trend)
        widths = {c.key: auto_width(c, width_sample(frame, c.key)) for c in columns}
        widths["name"] = min(max(auto_width(Column("name", columns[1].header), []),
                                 max((cell_len(v) for v in frame.get_column("name")), default=0)),
                             NAME_MAX)
        name_width = fit_name_width(widths, available)
        columns = [replace(c, width=name_width) if c.key == "name" else c for c in columns]
        table.set_frame(frame, columns)

    def on_resize(self) -> None:
        if self._frame is not None and self.is_mounted:
            self._fit_columns()

    def _refresh_options(self, period: PeriodData, lang: str) -> None:
        """New labels (language) or categories (period); keep the selection if it still exists."""
        names = tuple(categories(period))
        key = (lang, names)
        if key == self._options_key:
            return
        self._options_key = key
        select = self.category_select
        keep = select.value if isinstance(select.value, str) else ALL
        set_select_options(select, [(tr("all_categories", lang), ALL)]
                           + [(category_label(name, lang), name) for name in names], keep)

    # ---- query --------------------------------------------------------------

    def _wanted(self) -> tuple[str, str | None]:
        value = self.category_select.value
        category = value if isinstance(value, str) and value != ALL else None
        return self.search_input.value.strip(), category

    def _apply_query(self) -> None:
        """Send the search box and select to the table, unless it already shows them."""
        wanted = self._wanted()
        if wanted == self._applied:
            return
        self._applied = wanted
        search, category = wanted
        self.table.set_query(search, list(INDICATORS.search_columns), {"category": category})

    @on(Input.Changed, "#ind-search")
    def _search_changed(self) -> None:
        self._apply_query()

    @on(Input.Submitted, "#ind-search")
    def _search_submitted(self) -> None:
        self.table.focus()

    @on(Select.Changed, "#ind-category")
    def _category_changed(self) -> None:
        if self.is_mounted:
            self._apply_query()

    @on(FrameTable.Filtered, "#ind-table")
    def _filtered(self, event: FrameTable.Filtered) -> None:
        status = self.query_one("#ind-status", Static)
        text = tr("shown_of", self.lang, shown=event.shown, total=event.total)
        if self._frame is not None and self._frame.height and (
                self._frame.get_column("trend").str.ends_with(COMPUTED_MARK).any()):
            text += "   " + tr("time.computed_note", self.lang)
        status.update(literal(text))

    @on(FrameTable.RowSelected, "#ind-table")
    def _row_selected(self, event: FrameTable.RowSelected) -> None:
        period = self.period
        indicator = period.indicator(event.row["id"]) if period else None
        if period is not None and indicator is not None:
            self.app.push_screen(IndicatorDetailScreen(
                indicator, period, self.dash.observations, self.lang))

    # ---- actions ------------------------------------------------------------

    def action_search(self) -> None:
        """`/`: type to narrow the table."""
        self.search_input.focus()

    def action_next_filter(self) -> None:
        """`f`: to the category select (again: open it)."""
        select = self.category_select
        if select.has_focus:
            select.action_show_overlay()
        else:
            select.focus()

    def action_clear(self) -> None:
        """Esc: in the search box, clear the search; elsewhere clear search and filter."""
        only_search = self.search_input.has_focus
        self.search_input.value = ""
        if not only_search:
            self.category_select.value = ALL
        self._apply_query()
        self.table.focus()

    def reveal(self, indicator_id: str) -> None:
        """Clear search and filter and put the cursor on `indicator_id` (command palette)."""
        self._pending_reveal = indicator_id
        if self.is_mounted and self._frame_key is not None:
            self._do_reveal()

    def _do_reveal(self) -> None:
        indicator_id, self._pending_reveal = self._pending_reveal, None
        self.search_input.value = ""
        self.category_select.value = ALL
        self._apply_query()
        table = self.table
        table.focus()
        ids = table.view_frame.get_column("id") if table.row_count else None
        if ids is None:
            return
        index = ids.index_of(indicator_id)
        if index is None:
            self.app.bell()
            return
        table.cursor_row = int(index)

    def export_brief(self) -> str | None:
        """The period's headline figures, above an exported table."""
        from econdash.core.output.brief import period_brief
        return period_brief(self.period, self.lang) if self.period else None
