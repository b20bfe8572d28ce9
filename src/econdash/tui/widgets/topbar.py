"""The line at the top of every section: sections (clickable), dataset, period."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.widgets import Static

from econdash.core.i18n import tr

if TYPE_CHECKING:
    from econdash.tui.app import EcondashApp

SECTIONS = ("overview", "indicators", "growth", "projects", "enterprises", "history")


class TopBar(Static):
    """Section tabs with their number keys, then the period and dataset."""

    DEFAULT_CSS = """
    TopBar { height: 1; background: $panel; color: $foreground; }
    """

    def __init__(self, section: str) -> None:
        super().__init__("")
        self.section = section

    def refresh_bar(self) -> None:
        """Redraw from the app's state."""
        app: EcondashApp = self.app  # type: ignore[assignment]
        lang = app.lang
        text = Text()
        for number, name in enumerate(SECTIONS, start=1):
            label = f" {number} {tr(name, lang)} "
            style = "bold reverse" if name == self.section else ""
            text.append_text(Text.from_markup(
                f"[@click=app.section('{name}')]{label}[/]", style=style))
        period, preview = app.current_period, app.preview
        if period is not None:
            title, position = period.title(lang), app.period_index + 1
            count = len(app.dataset.periods) if app.dataset else 0
        elif preview is not None and app.dataset is None:  # drawn from the snapshot
            title, position, count = preview.title(lang), preview.position, preview.count
        else:
            title = None
        if title is not None:
            text.append("  ")
            text.append(title, style="bold")
            if count > 1:
                text.append(f" [{position}/{count}]", style="dim")
        if app.dataset is not None:
            text.append("  " + app.dataset.title(lang), style="dim")
        elif preview is not None:
            text.append("  " + preview.dataset_title(lang), style="dim")
        self.update(text)
