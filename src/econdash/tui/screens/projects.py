"""Section 4, Projects: the period's projects and parks, filterable, with totals.

`FilteredTableScreen` is the shared frame of the table sections (projects and
enterprises): a `FilterBar`, a `FrameTable`, a status line, the `/` `f` `Esc`
keys, and `reveal(name)` for the command palette.
"""

from __future__ import annotations

from typing import Any, ClassVar

import polars as pl
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import Static

from econdash.core.formatting import fmt_number, fmt_number_or_blank
from econdash.core.i18n import tr
from econdash.core.model.schema import ENTERPRISES, PROJECTS
from econdash.core.query.table_specs import PROJECTS as PROJECTS_TABLE
from econdash.core.query.table_specs import TableSpec
from econdash.core.query.tables import distinct_values, project_totals
from econdash.core.terms import term_format, term_options
from econdash.tui.screens.base import SectionScreen
from econdash.tui.screens.enterprise_detail import RowDetailScreen
from econdash.tui.widgets.filter_bar import FilterBar
from econdash.tui.widgets.frame_table import Column, FrameTable

NAME = "__name"
"""Display column: the name in the current language."""
COMPLETION = "__completion"
"""Display column: completed / planned investment."""

_Query = tuple[str, tuple[tuple[str, str | None], ...]]


def shown_name(column: str, english: str, lang: str) -> pl.Expr:
    """`english` when the language is English and it is filled in, else `column`."""
    if lang != "en":
        return pl.col(column)
    filled = pl.col(english).is_not_null() & (pl.col(english).str.strip_chars() != "")
    return pl.when(filled).then(pl.col(english)).otherwise(pl.col(column))


def extra_columns(frame: pl.DataFrame, known: tuple[str, ...]) -> list[Column]:
    """Columns the contract doesn't know, shown under their own names."""
    return [Column(name, name, align="right" if dtype.is_numeric() else "left")
            for name, dtype in frame.schema.items()
            if name not in known and not name.startswith("__")]


def has_values(frame: pl.DataFrame, column: str) -> bool:
    """Whether a column holds anything (null counts are cached: O(1) on big frames)."""
    return frame.height == 0 or frame.get_column(column).null_count() < frame.height


def drop_empty(columns: list[Column], frame: pl.DataFrame, keep: tuple[str, ...]) -> list[Column]:
    """The columns minus contract columns nobody filled in (extra columns always stay)."""
    contract = PROJECTS.known + ENTERPRISES.known
    return [c for c in columns
            if c.key in keep
            or (c.key not in contract and not c.key.startswith("__"))  # an extra column
            or has_values(frame, c.key)]


def projects_frame(projects: pl.DataFrame, lang: str) -> pl.DataFrame:
    """The projects with the display columns added (vectorised)."""
    planned, completed = pl.col("planned_invest"), pl.col("completed_invest")
    completion = (pl.when((planned > 0) & completed.is_not_null())
                  .then(completed / planned).otherwise(None))
    return projects.with_columns(shown_name("name", "name_en", lang).alias(NAME),
                                 completion.cast(pl.Float64).alias(COMPLETION))


def project_columns(frame: pl.DataFrame, lang: str) -> list[Column]:
    """Table columns: the contract's in a useful order, then any extra ones.

    Contract columns that are empty in the whole period are left out (the
    detail dialog still lists them), so the filled-in ones fit on screen.
    """
    def label(key: str) -> str:
        return tr(key, lang)
    return drop_empty([
        Column(NAME, label("name")),
        Column("category", label("category"), format=term_format("category", lang)),
        Column("town", label("town")),
        Column("status", label("status"), format=term_format("status", lang)),
        Column("rating", label("rating"), format=term_format("rating", lang)),
        Column("planned_invest", label("planned"), align="right", format=fmt_number_or_blank),
        Column("completed_invest", label("completed"), align="right", format=fmt_number_or_blank),
        Column("invest_unit", label("unit"), format=term_format("unit", lang)),
        Column(COMPLETION, label("completion"), bar=True),
        Column("start_year", label("start_year"), align="right"),
        Column("note", label("note")),
        *extra_columns(frame, PROJECTS.known),
    ], frame, keep=(NAME, "category"))


def totals_text(view: pl.DataFrame, lang: str) -> str:
    """Planned / completed investment of exactly these rows ('-' when none is given)."""
    planned, completed, unit = project_totals(view)
    has_planned = view.height and view["planned_invest"].null_count() < view.height
    has_completed = view.height and view["completed_invest"].null_count() < view.height
    return tr("totals", lang, planned=fmt_number(planned) if has_planned else "-",
              completed=fmt_number(completed) if has_completed else "-",
              unit=unit if has_planned or has_completed else "").rstrip()


class FilteredTableScreen(SectionScreen):
    """A section built around one filterable table."""

    SPEC: ClassVar[TableSpec]
    """The table: its search and filter columns, the columns `reveal(name)` matches
    (shared with `econdash export`)."""
    AUTO_FOCUS = "FrameTable"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("slash", "search", "搜索"),
        Binding("f", "next_filter", "筛选"),
        Binding("escape", "clear", "清除"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self._applied: _Query = ("", ())
        self._pending_reveal: str | None = None
        self._shown_key: object = None

    @property
    def bar(self) -> FilterBar:
        return self.query_one(FilterBar)

    @property
    def table(self) -> FrameTable:
        return self.query_one(FrameTable)

    def compose_table(self) -> ComposeResult:
        """Filter bar, table and status line."""
        filters = [(column, column) for column in self.SPEC.filters]  # (label key = column)
        yield FilterBar(filters, lang=self.lang, classes="filter-bar section-filters")
        yield FrameTable(classes="section-table")
        yield Static("", classes="status-line section-status")

    # ---- refreshing --------------------------------------------------------

    def show_frame(self, key: object, frame: pl.DataFrame, columns: list[Column]) -> None:
        """Put a frame in the table (keeps search, filters and sort); skipped if unchanged."""
        self.bar.set_lang(self.lang)
        self.table.empty_text = tr("no_rows", self.lang)
        if key == self._shown_key:
            self.update_status()
        else:
            self._shown_key = key
            self.table.set_frame(frame, columns)
        if self._pending_reveal is not None:
            self._start_reveal()

    def update_status(self) -> None:
        """Rewrite the status line from the table's current view."""
        self.query_one(".section-status", Static).update(self.status_text())

    def status_text(self) -> Text:
        table = self.table
        text = Text(tr("shown_of", self.lang, shown=f"{table.row_count:,}",
                       total=f"{table.total_count:,}"))
        if self.dash.partial:
            text.append("  " + tr("reading_rest", self.lang), style="italic")
        return text

    # ---- filters -----------------------------------------------------------

    @on(FilterBar.Changed)
    def _filters_changed(self, event: FilterBar.Changed) -> None:
        event.stop()
        self._apply_query(event.search, event.filters)

    def _apply_query(self, search: str, filters: dict[str, str | None]) -> None:
        query = (search, tuple(filters.items()))
        if query == self._applied:
            return
        self._applied = query
        self.table.set_query(search, list(self.SPEC.search_columns), filters)

    @on(FilterBar.Done)
    def _bar_done(self, event: FilterBar.Done) -> None:
        event.stop()
        self.table.focus()

    @on(FrameTable.Filtered)
    def _table_filtered(self, event: FrameTable.Filtered) -> None:
        self.update_status()
        if self._pending_reveal is not None:
            self._finish_reveal()

    @on(FrameTable.RowSelected)
    def _row_selected(self, event: FrameTable.RowSelected) -> None:
        event.stop()
        self.open_detail(event.row)

    def open_detail(self, row: dict[str, Any]) -> None:
        """Enter on a table row."""

    def action_search(self) -> None:
        self.bar.focus_search()

    def action_next_filter(self) -> None:
        self.bar.focus_next_filter()

    def action_clear(self) -> None:
        self.bar.clear()

    # ---- reveal (command palette) -------------------------------------------

    def reveal(self, name: str) -> None:
        """Clear search and filters and put the cursor on the row called `name`."""
        self._pending_reveal = name
        if self.is_mounted and self._shown_key is not None:
            self._start_reveal()

    def _start_reveal(self) -> None:
        self.bar.clear()
        self._applied = ("", tuple((column, None) for column in self.SPEC.filters))
        self.table.set_query("", list(self.SPEC.search_columns), {})
        self._finish_reveal()  # small frames: the view is already there

    def _finish_reveal(self) -> None:
        name, table = self._pending_reveal, self.table
        view = table.view_frame
        if name is None or view.height < table.total_count:
            return  # the cleared view has not arrived yet
        self._pending_reveal = None
        match = pl.any_horizontal(
            (pl.col(column) == name).fill_null(False)
            for column in self.SPEC.name_columns if column in view.columns)
        hits = view.select(match.arg_true()).to_series()
        if hits.len():
            table.cursor_row = int(hits[0])
            table.focus()


class ProjectsScreen(FilteredTableScreen):
    """Projects and parks of the current period."""

    SECTION = "projects"
    SPEC = PROJECTS_TABLE

    def compose_body(self) -> ComposeResult:
        yield from self.compose_table()

    def refresh_section(self) -> None:
        period = self.period
        assert period is not None
        lang = self.lang
        projects = period.projects
        for column in self.SPEC.filters:
            self.bar.set_options(column, term_options(column, distinct_values(projects, column),
                                                      lang))
        frame = projects_frame(projects, lang)
        self.show_frame((id(projects), lang), frame, project_columns(frame, lang))

    def status_text(self) -> Text:
        text = super().status_text()
        text.append("    ")
        text.append(totals_text(self.table.view_frame, self.lang), style="bold")
        return text

    def open_detail(self, row: dict[str, Any]) -> None:
        title = f"{tr('projects', self.lang)}: {row.get(NAME) or row.get('name')}"
        self.app.push_screen(RowDetailScreen(title, row))


__all__ = ["FilteredTableScreen", "ProjectsScreen"]
