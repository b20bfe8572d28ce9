"""Section 1, Overview: the period, its source, and headline figures as cards.

It is the first screen, so it can also be drawn from a snapshot of the last
load (`overview_data`) before the dataset has loaded.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Grid, VerticalScroll
from textual.widgets import Static

from econdash.i18n import tr
from econdash.overview_data import OverviewData
from econdash.screens.base import SectionScreen
from econdash.widgets.kpi_card import KpiCard

CARD_WIDTH = 38  # cells; columns of cards = available width // this


class OverviewScreen(SectionScreen):
    """Headline indicators of the current period (from a snapshot until data loads)."""

    SECTION = "overview"

    def __init__(self) -> None:
        super().__init__()
        self._shown: object = None  # (data, lang) of the cards on screen

    def compose_body(self) -> ComposeResult:
        yield Static("", id="provenance")
        with VerticalScroll(id="cards-scroll"):
            # Cards known already (from the snapshot) are composed with the screen, so
            # the first frame has them; later changes rebuild them in refresh_section.
            data = self.econ.overview() if self.is_ready() else None
            with Grid(id="cards"):
                if data is not None:
                    self._shown = (data, self.lang)
                    yield from self._cards(data)

    def is_ready(self) -> bool:
        return self.econ.loaded or self.econ.preview is not None

    def has_data(self) -> bool:
        if self.econ.dataset is None:
            return self.econ.preview is not None
        return self.period is not None

    def refresh_section(self) -> None:
        data = self.econ.overview()
        assert data is not None
        lang = self.lang
        line = Text()
        line.append(data.title(lang), style="bold")
        if data.region:
            line.append(f"  {tr('region', lang)}: {data.region}")
        if data.source:
            line.append(f"  {tr('source', lang)}: {data.source}", style="dim")
        if data.published:
            line.append(f" ({data.published.isoformat()})", style="dim")
        choice = self.econ.choice
        if choice is not None:
            where = tr(f"origin.{choice.origin}", lang)
            if choice.origin != "bundled":
                where += f": {choice.path}"
            line.append(f"\n{tr('dataset', lang)}: {where}", style="dim")
        self.query_one("#provenance", Static).update(line)
        if self._shown == (data, lang):
            return  # the loaded data is what the snapshot showed: keep the cards
        self._shown = (data, lang)
        grid = self.query_one("#cards", Grid)
        grid.remove_children()
        grid.mount_all(self._cards(data))
        self._fit_columns()

    def _cards(self, data: OverviewData) -> list[KpiCard]:
        return [KpiCard(card.indicator, data.period, self.lang, list(card.points))
                for card in data.cards]

    def on_resize(self) -> None:
        self._fit_columns()

    def _fit_columns(self) -> None:
        width = self.size.width or 80
        self.query_one("#cards", Grid).styles.grid_size_columns = max(1, width // CARD_WIDTH)
