"""Detail dialogs: one row's fields (projects), one enterprise's honours.

Both are modal like the help screen (class "modal", a `.dialog` container)
and close with Esc or q.
"""

from __future__ import annotations

from typing import Any

import polars as pl
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.widgets import Static

from econdash.core.formatting import fmt_number
from econdash.core.i18n import tr
from econdash.tui.screens.localized import LocalizedModalScreen
from econdash.tui.state import dashboard
from econdash.tui.text import literal

FIELD_LABELS: dict[str, str] = {
    "name": "name", "name_en": "name_en", "category": "category", "town": "town",
    "status": "status", "planned_invest": "planned", "completed_invest": "completed",
    "invest_unit": "unit", "rating": "rating", "start_year": "start_year", "note": "note",
    "enterprise": "enterprise", "enterprise_en": "name_en", "programme": "programme",
    "programme_en": "programme_en", "level": "level", "year": "year", "batch": "batch",
    "industry": "industry",
}
"""Column → i18n key of its label; other (extra) columns show their own name."""

HIDDEN_PREFIX = "__"
"""Columns a screen adds for display only (e.g. the name in the current language)."""


def field_label(column: str, lang: str) -> str:
    """The label of a column in `lang` (an extra column keeps its own name)."""
    key = FIELD_LABELS.get(column)
    return tr(key, lang) if key else column


def field_text(value: Any) -> Text:
    """A cell value for a detail dialog; missing values are a dim dash."""
    if value is None or value == "":
        return Text("-", style="dim")
    if isinstance(value, float):
        return Text(fmt_number(value))
    return literal(value, multiline=True)


def row_table(row: dict[str, Any], lang: str) -> Table:
    """Every field of a row as label / value lines (pure, for tests)."""
    table = Table(box=None, show_header=False, padding=(0, 2, 0, 0), expand=True)
    table.add_column(style="bold cyan", no_wrap=True)
    table.add_column(ratio=1, overflow="fold")
    for column, value in row.items():
        if column.startswith(HIDDEN_PREFIX):
            continue
        table.add_row(literal(field_label(column, lang)), field_text(value))
    return table


def honours_table(honours: pl.DataFrame, lang: str) -> Table:
    """The honours of one enterprise (pure, for tests)."""
    table = Table(box=None, padding=(0, 2, 0, 0), expand=True, header_style="bold cyan")
    columns = ["programme", "level", "status", "year", "batch", "note"]
    for column in columns:
        if column == "note":
            table.add_column(literal(field_label(column, lang)), ratio=1, overflow="fold")
        else:
            table.add_column(literal(field_label(column, lang)), overflow="fold",
                             max_width=30 if column == "programme" else None)
    for row in honours.iter_rows(named=True):
        programme = row.get("programme")
        if lang == "en" and row.get("programme_en"):
            programme = row["programme_en"]
        table.add_row(field_text(programme), *(field_text(row.get(c)) for c in columns[1:]))
    return table


class _DetailScreen(LocalizedModalScreen):
    """Shared frame: title line, scrollable body, Esc/q to close."""

    BINDINGS = [Binding("escape,q", "close", "Close")]

    def __init__(self, title: str) -> None:
        super().__init__()
        self.title_text = title

    def compose(self) -> ComposeResult:
        lang = dashboard(self).lang
        with Vertical(classes="dialog detail-dialog"):
            yield Static(Text.assemble((self.title_text, "bold"), ("  (Esc)", "dim")),
                         classes="dialog-title")
            with VerticalScroll():
                yield from self.compose_content(lang)

    def compose_content(self, lang: str) -> ComposeResult:
        yield from ()

    def on_mount(self) -> None:
        self.add_class("modal")

    def action_close(self) -> None:
        self.dismiss()


class RowDetailScreen(_DetailScreen):
    """All fields of one table row (e.g. a project), including extra columns."""

    def __init__(self, title: str, row: dict[str, Any]) -> None:
        super().__init__(title)
        self.row = row

    def compose_content(self, lang: str) -> ComposeResult:
        yield Static(row_table(self.row, lang), id="row-detail")


class EnterpriseDetailScreen(_DetailScreen):
    """Every honour of one enterprise, from `query.enterprise_honours`."""

    def __init__(self, enterprise: str, honours: pl.DataFrame, lang: str) -> None:
        english = None
        if "enterprise_en" in honours.columns and honours.height:
            english = honours.get_column("enterprise_en").drop_nulls().first()
        shown = english if lang == "en" and english else enterprise
        super().__init__(tr("honours_of", lang, name=shown))
        self.enterprise = enterprise
        self.honours = honours

    def compose_content(self, lang: str) -> ComposeResult:
        yield Static(self._facts(lang), id="enterprise-facts")
        yield Static(honours_table(self.honours, lang), id="enterprise-honours")

    def _facts(self, lang: str) -> Text:
        """Name in both languages, industry and town, and the number of honours."""
        text = Text(self.enterprise, style="bold")
        first = self.honours.row(0, named=True) if self.honours.height else {}
        if first.get("enterprise_en"):
            text.append(f"  {first['enterprise_en']}")
        for column in ("industry", "town"):
            values = (self.honours.get_column(column).drop_nulls().unique(maintain_order=True)
                      .to_list() if column in self.honours.columns else [])
            if values:
                text.append(f"  {field_label(column, lang)}: ", style="dim")
                text.append("、".join(str(v) for v in values))
        text.append("  " + tr("honour_count", lang, count=self.honours.height), style="dim")
        text.append("\n")
        return text
