"""Section 1, Overview: the period, its source, and headline figures as cards."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Grid, VerticalScroll
from textual.widgets import Static

from econdash.i18n import tr
from econdash.query import headline_indicators, indicator_series
from econdash.screens.base import SectionScreen
from econdash.widgets.kpi_card import KpiCard

CARD_WIDTH = 38  # cells; columns of cards = available width // this


class OverviewScreen(SectionScreen):
    """Headline indicators of the current period."""

    SECTION = "overview"

    def compose_body(self) -> ComposeResult:
        yield Static("", id="provenance")
        with VerticalScroll(id="cards-scroll"):
            yield Grid(id="cards")

    def refresh_section(self) -> None:
        period = self.period
        assert period is not None
        lang = self.lang
        line = Text()
        line.append(period.title(lang), style="bold")
        if period.region:
            line.append(f"  {tr('region', lang)}: {period.region}")
        if period.source:
            line.append(f"  {tr('source', lang)}: {period.source}", style="dim")
        if period.published:
            line.append(f" ({period.published.isoformat()})", style="dim")
        choice = self.econ.choice
        if choice is not None:
            where = tr(f"origin.{choice.origin}", lang)
            if choice.origin != "bundled":
                where += f": {choice.path}"
            line.append(f"\n{tr('dataset', lang)}: {where}", style="dim")
        self.query_one("#provenance", Static).update(line)
        grid = self.query_one("#cards", Grid)
        grid.remove_children()
        obs = self.econ.observations
        cards = [
            KpiCard(ind, period.period, lang,
                    indicator_series(obs, ind) if obs is not None else [])
            for ind in headline_indicators(period)
        ]
        grid.mount_all(cards)
        self._fit_columns()

    def on_resize(self) -> None:
        self._fit_columns()

    def _fit_columns(self) -> None:
        width = self.size.width or 80
        self.query_one("#cards", Grid).styles.grid_size_columns = max(1, width // CARD_WIDTH)
