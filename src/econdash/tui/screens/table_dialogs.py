"""Small dialogs of the table moves: go to a row number (ctrl+g), a cell's full text (`v`)."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.widgets import Input, Static

from econdash.core.i18n import tr
from econdash.tui.screens.localized import LocalizedModalScreen
from econdash.tui.text import literal


def parse_row_number(text: str, rows: int) -> int | None:
    """The row number typed (1..rows; full-width digits and separators allowed), or None."""
    cleaned = text.strip().replace(",", "").replace("，", "").replace("_", "")
    try:
        number = int(cleaned)  # int() reads full-width digits too
    except ValueError:
        return None
    return number if 1 <= number <= rows else None


class GotoRowScreen(LocalizedModalScreen):
    """Asks for a row number; dismisses with it (1-based) or None."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "close", "Close")]
    DEFAULT_CSS = """
    GotoRowScreen > .dialog { height: auto; width: 50; }
    """

    def __init__(self, rows: int, lang: str) -> None:
        super().__init__(classes="modal")
        self.rows, self.lang = rows, lang

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog small-dialog"):
            yield Static(tr("tables.goto_title", self.lang, rows=f"{self.rows:,}"),
                         classes="dialog-title")
            yield Input(placeholder=tr("tables.goto_placeholder", self.lang), id="goto-input")
            yield Static("", id="goto-error")

    @on(Input.Submitted, "#goto-input")
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        number = parse_row_number(event.value, self.rows)
        if number is None:
            self.query_one("#goto-error", Static).update(
                tr("tables.goto_bad", self.lang, rows=f"{self.rows:,}"))
            return
        self.dismiss(number)

    def action_close(self) -> None:
        self.dismiss(None)


class CellTextScreen(LocalizedModalScreen):
    """One cell's whole text, wrapped; Esc, q or v closes."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape,q,v", "close", "Close")]

    def __init__(self, header: str, text: str, lang: str) -> None:
        super().__init__(classes="modal")
        self.header, self.text, self.lang = header, text, lang

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog detail-dialog"):
            yield Static(literal(self.header), classes="dialog-title")
            with VerticalScroll():
                yield Static(literal(self.text, multiline=True), id="cell-text")
            yield Static(tr("tables.close_hint", self.lang), classes="status-line")

    def action_close(self) -> None:
        self.dismiss(None)
