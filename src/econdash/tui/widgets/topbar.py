"""The line at the top of every section: sections (clickable), period, dataset."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from econdash.core.i18n import tr
from econdash.core.sections import SECTIONS
from econdash.tui.state import Heading


class TopBar(Static):
    """Section tabs with their number keys, then the period and dataset."""

    DEFAULT_CSS = """
    TopBar { height: 1; background: $panel; color: $foreground; }
    """

    def __init__(self, section: str) -> None:
        super().__init__("")
        self.section = section

    def show(self, heading: Heading, lang: str) -> None:
        """Draw the tabs, then what `heading` says is shown."""
        text = Text()
        for number, name in enumerate(SECTIONS, start=1):
            label = f" {number} {tr(name, lang)} "
            style = "bold reverse" if name == self.section else ""
            text.append_text(Text.from_markup(
                f"[@click=app.section('{name}')]{label}[/]", style=style))
        if heading.period is not None:
            text.append("  ")
            text.append(heading.period, style="bold")
            if heading.draft:
                text.append(" " + tr("drafts_mark", lang) + " ", style="bold black on yellow")
            if heading.count > 1:
                text.append(f" [{heading.position}/{heading.count}]", style="dim")
        if heading.dataset is not None:
            text.append("  " + heading.dataset, style="dim")
        self.update(text)
