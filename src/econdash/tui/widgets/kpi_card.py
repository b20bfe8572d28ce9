"""Headline indicator cards: name, value and unit, growth, rank, span, trend."""

from __future__ import annotations

from rich.box import ROUNDED
from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.panel import Panel
from rich.table import Table
from rich.text import Text
from textual.renderables.sparkline import Sparkline as SparklineRenderable
from textual.widget import Widget

from econdash.core.formatting import fmt_number_or_blank
from econdash.core.i18n import tr
from econdash.core.terms import unit_term
from econdash.core.model.dataset import Indicator
from econdash.core.model.period import Period
from econdash.core.model.series import SeriesPoint, spark_values
from econdash.tui.text import (
    bar, fmt_growth, fmt_rank, own_span, target_progress,
)


def same_span_before(indicator: Indicator, points: list[SeriesPoint]) -> SeriesPoint | None:
    """The latest earlier observation with the same months (a year earlier, for a series)."""
    span = indicator.span
    earlier = [p for p in points if (p.span.first_month, p.span.last_month)
               == (span.first_month, span.last_month) and p.span.year < span.year
               and p.value is not None]
    return earlier[-1] if earlier else None


def card_body(indicator: Indicator, period: Period, lang: str,
              points: list[SeriesPoint] = ()) -> Text:  # type: ignore[assignment]
    """The card's text lines (pure, for tests)."""
    text = Text()
    text.append(fmt_number_or_blank(indicator.value), style="bold")
    if indicator.value is not None and indicator.unit:
        text.append(f" {unit_term(indicator.unit, lang)}")
    span = own_span(indicator, period, lang)
    if span:
        text.append(f"  ({span})", style="dim")
    text.append("\n")
    growth = fmt_growth(indicator.yoy_pct)
    if growth.plain:
        text.append(tr("yoy", lang) + " ", style="dim")
        text.append_text(growth)
    previous = same_span_before(indicator, list(points))
    if indicator.yoy_pct is None and previous is not None and indicator.value is not None \
            and previous.value:
        # No reported growth: show the change from the same span a year (or more) before,
        # computed from the values and labelled as such.
        change = (indicator.value / previous.value - 1) * 100
        text.append(tr("change_since", lang, span=previous.span.label(lang)) + " ", style="dim")
        text.append_text(fmt_growth(round(change, 1)))
    rank = fmt_rank(indicator, lang)
    if rank:
        text.append("  " + rank, style="bold cyan")
    progress = target_progress(indicator)
    if progress is not None:
        text.append("\n" + tr("target", lang) + " ", style="dim")
        text.append(bar(progress, 10), style="cyan")
        text.append(f" {progress * 100:.0f}%")
    return text


CARD_WIDTH = 38
"""Cells per card; columns of cards = available width // this."""


class KpiCards(Widget):
    """The headline cards, all drawn by this one widget as a grid of bordered panels.

    The overview is the first screen, and each widget on it costs start-up time (a
    widget per card cost about 12 ms each); the cards are not interactive, so one
    renderable draws them all, in the theme's colours.
    """

    COMPONENT_CLASSES = {"kpi-cards--border", "kpi-cards--title", "kpi-cards--spark-max",
                         "kpi-cards--spark-min"}
    DEFAULT_CSS = """
    KpiCards { height: auto; padding: 0 1; }
    KpiCards > .kpi-cards--border { color: $primary 60%; }
    KpiCards > .kpi-cards--title { color: $text; text-style: bold; }
    KpiCards > .kpi-cards--spark-max { color: $primary; }
    KpiCards > .kpi-cards--spark-min { color: $primary 30%; }
    """

    def __init__(self, id: str | None = None) -> None:
        super().__init__(id=id)
        self.cards: list[tuple[str, Text, list[float]]] = []

    def show(self, cards: list[tuple[Indicator, list[SeriesPoint]]], period: Period,
             lang: str) -> None:
        """Draw these (indicator, series points) cards of `period`."""
        self.cards = [(indicator.display_name(lang), card_body(indicator, period, lang, points),
                       spark_values(points)) for indicator, points in cards]
        self.refresh(layout=True)

    def render(self) -> RenderableType:
        _, base = self.background_colors
        low = base + self.get_component_styles("kpi-cards--spark-min").color
        high = base + self.get_component_styles("kpi-cards--spark-max").color
        panels = [self._panel(title, body, trend, low.rich_color, high.rich_color)
                  for title, body, trend in self.cards]
        return _Columns(panels)

    def _panel(self, title: str, body: Text, trend: list[float], low: object,
               high: object) -> Panel:
        content: RenderableType = body
        if len(trend) > 1:
            content = Group(body, SparklineRenderable(trend, width=None, min_color=low,
                                                      max_color=high, summary_function=max))
        heading = Text(title, style=self.get_component_rich_style("kpi-cards--title"),
                       overflow="ellipsis")  # a long (English) name ends in "…"
        return Panel(content, title=heading, title_align="left", box=ROUNDED,
                     border_style=self.get_component_rich_style("kpi-cards--border"),
                     padding=(0, 1))


class _Columns:
    """Panels in as many equal columns as CARD_WIDTH allows at the width given."""

    def __init__(self, panels: list[Panel]) -> None:
        self.panels = panels

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        columns = max(1, options.max_width // CARD_WIDTH)
        grid = Table.grid(padding=(0, 1), expand=True)
        for _ in range(columns):
            grid.add_column(ratio=1)
        for start in range(0, len(self.panels), columns):
            row = self.panels[start:start + columns]
            grid.add_row(*row, *[""] * (columns - len(row)))
        yield grid
