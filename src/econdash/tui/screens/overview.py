"""Section 1, Overview: the period, its source, and headline figures as cards.

It is the first screen, so it can also be drawn from a snapshot of the last
load (`overview_data`) before the dataset has loaded.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

from econdash.core.i18n import tr
from econdash.core.terms import region_term
from econdash.core.model.overview import OverviewData
from econdash.tui.screens.base import SectionScreen
from econdash.tui.widgets.kpi_card import KpiCards


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
            cards = KpiCards(id="cards")
            data = self.dash.overview() if self.is_ready() else None
            if data is not None:
                self._shown = (data, self.lang)
                self._show_cards(cards, data)
            yield cards

    def is_ready(self) -> bool:
        return self.dash.loaded or self.dash.preview is not None

    def has_data(self) -> bool:
        if self.dash.dataset is None:
            return self.dash.preview is not None
        return self.period is not None

    def refresh_section(self) -> None:
        data = self.dash.overview()
        assert data is not None
        lang = self.lang
        line = Text()
        line.append(data.title(lang), style="bold")
        if data.region:
            line.append(f"  {tr('region', lang)}: {region_term(data.region, lang)}")
        if data.source:
            line.append(f"  {tr('source', lang)}: {data.source}", style="dim")
        if data.published:
            line.append(f" ({data.published.isoformat()})", style="dim")
        choice = self.dash.choice
        if choice is not None:
            where = tr(f"origin.{choice.origin}", lang)
            if choice.origin != "bundled":
                where += f": {choice.path}"
            line.append(f"\n{tr('dataset', lang)}: {where}", style="dim")
        self.query_one("#provenance", Static).update(line)
        if self._shown == (data, lang):
            return  # the loaded data is what the snapshot showed: keep the cards
        self._shown = (data, lang)
        self._show_cards(self.query_one("#cards", KpiCards), data)

    def _show_cards(self, cards: KpiCards, data: OverviewData) -> None:
        cards.show([(card.indicator, list(card.points)) for card in data.cards], data.period,
                   self.lang)
