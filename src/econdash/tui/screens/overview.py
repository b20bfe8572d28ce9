"""Section 1, Overview: the period as a dashboard a director reads in ten seconds.

Headline tiles (value, growth, rank and its change, target, trend line), then four
panels: what needs attention, cluster growth as bars, honour counts with their
change, projects with investment done against planned. Tiles and panel rows are
selectable (arrows; Tab between blocks) and Enter drills into their detail; `e`
exports the period brief. The layout and the priority order at small sizes are in
docs/overview.md.

It is the first screen, so it is drawn from the start-up snapshot (or a one-period
report) before the dataset has loaded; nothing here imports polars at import time.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Container, VerticalScroll
from textual.css.query import NoMatches
from textual.widgets import Static

from econdash.core.i18n import tr
from econdash.core.model.overview import OverviewData
from econdash.core.query.overview_panels import card_growth
from econdash.core.terms import region_term
from econdash.tui.screens.base import SectionScreen
from econdash.tui.text import literal, toast
from econdash.tui.widgets.kpi_card import KpiCards
from econdash.tui.widgets.overview_panel import OverviewPanel
from econdash.tui.widgets.overview_render import (
    attention_rows,
    growth_panel_rows,
    honour_rows_text,
    project_rows,
)

if TYPE_CHECKING:
    import polars as pl

PANELS = ("ov-attention", "ov-growth", "ov-honours", "ov-projects")
"""The panels in priority order (what a small terminal shows first, after the tiles)."""
WIDE_ORDER = ("ov-growth", "ov-honours", "ov-projects", "ov-attention")
"""Their order from 100 columns on: growth and honours tall, projects over attention."""
NARROW_WIDTH = 100
FILTER_TRIES = 30
"""Frames a drill-down waits for the section's filter to offer the value chosen."""


class OverviewScreen(SectionScreen):
    """The current period's dashboard (from a snapshot until the data loads)."""

    SECTION = "overview"
    AUTO_FOCUS = "#cards"
    DEFAULT_CSS = """
    OverviewScreen #ov-scroll { height: 1fr; }
    OverviewScreen #ov-panels {
        layout: grid; grid-size: 3 2; grid-columns: 1fr 1fr 1fr; grid-rows: auto 1fr;
        grid-gutter: 0 1; height: 1fr; min-height: 14; padding: 0 1;
    }
    OverviewScreen #ov-growth, OverviewScreen #ov-honours { row-span: 2; height: 1fr; }
    OverviewScreen #ov-projects { height: auto; }
    OverviewScreen #ov-attention { height: 1fr; }
    OverviewScreen.-narrow #ov-panels { grid-size: 2; grid-rows: auto; height: auto; }
    OverviewScreen.-narrow OverviewPanel { row-span: 1; height: auto; max-height: 12; }
    """
    BINDINGS = [Binding("e", "export_brief", "Export")]

    def __init__(self) -> None:
        super().__init__()
        self._shown: object = None  # (data, lang) on screen

    def compose_body(self) -> ComposeResult:
        provenance = Static("", id="provenance")
        # One line, cut at the edge (inline: the app's stylesheet gives it height auto).
        provenance.styles.height = 1
        provenance.styles.text_wrap = "nowrap"
        provenance.styles.text_overflow = "clip"  # ("…" is ambiguous width: tui/cells.py)
        yield provenance
        with VerticalScroll(id="ov-scroll"):
            # What is known already (the snapshot) is composed with the screen, so the
            # first frame has it; later changes rebuild in refresh_section.
            cards = KpiCards(id="cards")
            data = self.dash.overview() if self.is_ready() else None
            if data is not None:
                cards.show(data.cards, data.period, self.lang)
            yield cards
            # The panels are mounted just after the first frame (`_mount_panels`): four
            # more widgets cost some 40 ms of a start that draws the tiles in ~150 ms.
            yield Container(id="ov-panels")

    def on_mount(self) -> None:
        super().on_mount()
        self.call_after_refresh(self._mount_panels)

    async def _mount_panels(self) -> None:
        holder = self.query_one("#ov-panels")
        if holder.children:
            return
        narrow = self.size.width < NARROW_WIDTH
        await holder.mount_all(OverviewPanel(id=panel)
                               for panel in (PANELS if narrow else WIDE_ORDER))
        self._shown = None  # (the tiles stay: refresh_section keeps what did not change)
        self.refresh_all()

    def is_ready(self) -> bool:
        return self.dash.loaded or self.dash.preview is not None

    def has_data(self) -> bool:
        if self.dash.dataset is None:
            return self.dash.preview is not None
        return self.period is not None

    def on_resize(self) -> None:
        self._arrange()

    def _arrange(self) -> None:
        """Narrow: one column of panels in priority order; else the wide grid."""
        narrow = self.size.width < NARROW_WIDTH
        self.set_class(narrow, "-narrow")
        holder = self.query_one("#ov-panels")
        order = PANELS if narrow else WIDE_ORDER
        current = tuple(child.id for child in holder.children)
        if current and current != order:
            panels = [self._panel(panel_id) for panel_id in order]
            for before, after in zip(panels, panels[1:]):
                holder.move_child(after, after=before)

    def refresh_section(self) -> None:
        data = self.dash.overview()
        assert data is not None
        lang = self.lang
        self.query_one("#provenance", Static).update(self._provenance(data, lang))
        self._arrange()
        if self._shown == (data, lang):
            return  # the loaded data is what the snapshot showed: keep everything
        cards = self.query_one("#cards", KpiCards)
        if (cards.cards, cards.period, cards.lang) != (data.cards, data.period, lang):
            cards.show(data.cards, data.period, lang)
        if self.query("#ov-panels > OverviewPanel"):
            self._shown = (data, lang)
            self._show_panels(data, lang)

    def _provenance(self, data: OverviewData, lang: str) -> Text:
        line = Text(no_wrap=True, overflow="crop")
        line.append(data.title(lang), style="bold")
        if data.region:
            line.append(f"  {tr('region', lang)}: ").append_text(
                literal(region_term(data.region, lang)))
        if data.source:
            line.append(f"  {tr('source', lang)}: ", style="dim")
            line.append_text(literal(data.source, style="dim"))
        if data.published:
            line.append(f" ({data.published.isoformat()})", style="dim")
        choice = self.dash.choice
        if choice is not None:
            where = tr(f"origin.{choice.origin}", lang)
            if choice.origin != "bundled":
                where += f": {choice.path}"
            line.append(f"  {tr('dataset', lang)}: ", style="dim")
            line.append_text(literal(where, style="dim"))
        return line

    def _show_panels(self, data: OverviewData, lang: str) -> None:
        panel = self._panel
        headline, computed = headline_growth(data, lang)
        title = tr("ov.growth_title", lang, category=_category(data.growth_category, lang)) \
            if data.growth_category else tr("growth", lang)
        panel("ov-growth").show(
            title,
            lambda width, styles: growth_panel_rows(data.growth, headline, lang, width, styles,
                                                    computed))
        panel("ov-honours").show(
            tr("ov.honours_title", lang),
            lambda width, styles: honour_rows_text(data.honours, lang, width, styles))
        panel("ov-projects").show(
            tr("ov.projects_title", lang),
            lambda width, styles: project_rows(data.projects, lang, width, styles))
        panel("ov-attention").show(
            tr("ov.attention_title", lang),
            lambda width, styles: attention_rows(data.attention, data.problems,
                                                 data.problem_count, lang, width, styles))

    def _panel(self, panel_id: str) -> OverviewPanel:
        return self.query_one(f"#{panel_id}", OverviewPanel)

    # ---- drilling down ------------------------------------------------------

    @on(KpiCards.Opened)
    def _tile_opened(self, event: KpiCards.Opened) -> None:
        cards = self.query_one("#cards", KpiCards).cards
        if 0 <= event.index < len(cards):
            self._open_indicator(cards[event.index].indicator.id)

    @on(OverviewPanel.Opened)
    async def _row_opened(self, event: OverviewPanel.Opened) -> None:
        panel, key = event.panel.id, event.key
        if panel == "ov-attention":
            if key == "!":
                await self.run_action("app.problems")
            else:
                self._open_indicator(key)
        elif panel == "ov-growth":
            data = self.dash.overview()
            if data is not None and any(ind.id == key for ind in data.growth):
                await self.run_action("app.section('growth')")
            else:
                self._open_indicator(key)  # a headline figure's growth
        elif panel == "ov-honours":
            await self._open_filtered("enterprises", "programme", key)
        elif panel == "ov-projects":
            await self._open_filtered("projects", "category", key or None)

    def _open_indicator(self, indicator_id: str) -> None:
        """The indicator detail screen (needs the loaded period and its series)."""
        period = self.period
        indicator = period.indicator(indicator_id) if period is not None else None
        if period is None or indicator is None or self.dash.partial:
            toast(self, tr("ov.not_loaded", self.lang), severity="warning")
            return
        from econdash.tui.screens.indicator_detail import IndicatorDetailScreen
        self.app.push_screen(IndicatorDetailScreen(indicator, period, self.dash.observations,
                                                   self.lang))

    async def _open_filtered(self, section: str, column: str, value: str | None) -> None:
        """Section `section` with its `column` filter set to `value` (None: every row)."""
        if not self.dash.loaded:
            toast(self, tr("ov.not_loaded", self.lang), severity="warning")
            return
        app = self.app
        await self.run_action(f"app.section({section!r})")

        def apply(tries: int) -> None:
            bar = getattr(app.screen, "bar", None)
            if bar is None or getattr(app.screen, "SECTION", None) != section:
                return  # the person went elsewhere meanwhile
            try:
                if value is None:
                    bar.clear()
                    return
                if value in bar.options_of(column):
                    bar.set_value(column, value)
                    return
            except NoMatches:
                pass  # the filter's select is being mounted
            if tries:  # (a big roster offers its filter values a few frames later)
                app.call_after_refresh(apply, tries - 1)
        app.call_after_refresh(apply, FILTER_TRIES)

    # ---- export -------------------------------------------------------------

    def action_export_brief(self) -> None:
        """`e`: the period brief (Markdown) with the headline figures as its table."""
        period = self.period
        if period is None or not self.dash.loaded or self.dash.partial:
            toast(self, tr("still_reading", self.lang), severity="warning")
            return
        from pathlib import Path

        from econdash.core.output.brief import period_brief
        from econdash.core.query.overview import headline_frame
        from econdash.tui.screens.export_dialog import ExportScreen
        lang = self.lang
        self.app.push_screen(ExportScreen(
            headline_frame(period, lang), Path.cwd() / f"econdash-brief-{period.id}.md",
            title=f"{period.title(lang)} {tr('ov.export_title', lang)}",
            brief=period_brief(period, lang)))

    def export_frame(self) -> pl.DataFrame | None:
        """The headline figures (what `e` exports, under the brief)."""
        from econdash.core.query.overview import headline_frame
        return headline_frame(self.period, self.lang) if self.period is not None else None

    def export_brief(self) -> str | None:
        from econdash.core.output.brief import period_brief
        return period_brief(self.period, self.lang) if self.period is not None else None


def headline_growth(data: OverviewData,
                    lang: str) -> tuple[list[tuple[str, str, float]], bool]:
    """(id, name, growth) of each headline figure with a growth rate, reported or
    computed from its trend line; and whether some are computed."""
    items, computed = [], False
    for card in data.cards:
        growth, _, is_computed = card_growth(card)
        if growth is not None:
            items.append((card.indicator.id, card.indicator.display_name(lang), growth))
            computed = computed or is_computed
    return items, computed


def _category(category: str, lang: str) -> str:
    """A category in `lang` when the interface knows it, else as the data writes it."""
    label = tr(f"cat.{category}", lang)
    return category if label == f"cat.{category}" else label
