"""The `?` screen: every key, in the current language, from the one key table."""

from __future__ import annotations

from rich.table import Table
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.widgets import Static

from econdash.core.i18n import tr
from econdash.tui.keys import KEYS
from econdash.tui.screens.localized import LocalizedModalScreen
from econdash.tui.state import dashboard


def help_table(lang: str) -> Table:
    """A two-column table of keys and what they do (pure, for tests)."""
    table = Table(box=None, show_header=False, padding=(0, 2, 0, 0))
    table.add_column(style="bold cyan", no_wrap=True)
    table.add_column(overflow="fold")
    for key in KEYS:
        text = key.en if lang == "en" else key.zh
        if key.where != "all":
            text += f"  ({tr(key.where, lang)})"
        table.add_row(key.keys, text)
    return table


class HelpScreen(LocalizedModalScreen):
    """Lists every key; any of Esc, q or ? closes it."""

    BINDINGS = [Binding("escape,q,question_mark", "close", "Close")]

    def compose(self) -> ComposeResult:
        lang = dashboard(self).lang
        with Vertical(classes="dialog"):
            yield Static(tr("help_title", lang) + "  (Esc)", classes="dialog-title")
            with VerticalScroll():
                yield Static(help_table(lang))

    def on_mount(self) -> None:
        self.add_class("modal")

    def action_close(self) -> None:
        self.dismiss()
