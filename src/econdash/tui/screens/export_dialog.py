"""The `e` dialog: export exactly the rows a table shows, to CSV, XLSX or Markdown.

What is exported the section screen says (`export_frame`, `export_brief`); the
dialog asks where, writes it and says what happened.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import polars as pl
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Input, Static

from econdash.core.errors import EcondashError
from econdash.core.i18n import tr
from econdash.core.output.formats import export_frame
from econdash.core.output.table_export import localized_headers
from econdash.core.problem_text import message_text
from econdash.tui.screens.localized import LocalizedModalScreen
from econdash.tui.state import dashboard
from econdash.tui.text import toast
from econdash.tui.textual_fixes import is_top

if TYPE_CHECKING:
    from textual.app import App
    from textual.screen import Screen

    from econdash.core.model.dataset import PeriodData


def open_export(app: App, screen: Screen, period: PeriodData | None, section: str) -> None:
    """The dialog for what `screen` shows, or a notice why there is nothing to export."""
    lang = dashboard(app).lang
    if dashboard(app).partial:
        toast(app, tr("still_reading", lang), severity="warning")
        return
    frame = screen.export_frame() if hasattr(screen, "export_frame") else None
    if frame is None:
        toast(app, tr("nothing_to_export", lang), severity="warning")
        return
    stem = f"econdash-{section}-{period.id if period else 'data'}.csv"
    title = f"{period.title(lang) if period else ''} {tr(section, lang)}".strip()
    brief = screen.export_brief() if hasattr(screen, "export_brief") else None
    app.push_screen(ExportScreen(frame, Path.cwd() / stem, title=title, brief=brief))


class ExportScreen(LocalizedModalScreen):
    """Asks for a file name (prefilled) and writes the frame there."""

    BINDINGS = [Binding("escape", "close", "Close")]
    DEFAULT_CSS = """
    ExportScreen > .dialog { height: auto; max-height: 12; }
    """

    def __init__(self, frame: pl.DataFrame, default_path: Path, *, title: str,
                 brief: str | None) -> None:
        super().__init__()
        self.frame, self.default_path, self.title_text, self.brief = frame, default_path, title, brief

    def compose(self) -> ComposeResult:
        lang = dashboard(self).lang
        with Vertical(classes="dialog"):
            yield Static(tr("export_title", lang, rows=self.frame.height), classes="dialog-title")
            yield Input(str(self.default_path), id="export-path")
            yield Static(tr("export_hint", lang), classes="status-line")

    AUTO_FOCUS = "#export-path"  # (Textual focuses it once mounted, if it still is)

    def on_mount(self) -> None:
        self.add_class("modal")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if not is_top(self):
            return  # a second Enter in the same read: the first one exported and closed it
        lang = dashboard(self).lang
        path = Path(event.value.strip()).expanduser()
        try:
            brief = self.brief if path.suffix.lower() == ".md" else None
            result = export_frame(localized_headers(self.frame, lang), path,
                                  title=self.title_text, brief=brief)
        except EcondashError as exc:
            toast(self, tr("export_failed", lang, error=message_text(exc.message, lang)),
                  severity="error")
            return
        except Exception as exc:  # noqa: BLE001 - a writer's bug must not end the session
            toast(self, tr("export_failed", lang, error=f"{type(exc).__name__}: {exc}"),
                  severity="error")
            return
        toast(self, tr("exported", lang, rows=self.frame.height, path=path))
        if result.cut_cells and result.first_cut is not None:
            row, column = result.first_cut
            toast(self, tr("cells_cut", lang, count=f"{result.cut_cells:,}", row=row,
                           column=column), severity="warning", timeout=12)
        self.dismiss()

    def action_close(self) -> None:
        self.dismiss()
