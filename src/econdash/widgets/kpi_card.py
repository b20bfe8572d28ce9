"""A headline indicator card: name, value and unit, growth, rank, span, trend."""

from __future__ import annotations

from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.segment import Segment
from rich.text import Text
from textual.renderables.sparkline import Sparkline as SparklineRenderable
from textual.widget import Widget

from econdash.i18n import tr
from econdash.model.dataset import Indicator
from econdash.model.period import Period
from econdash.model.series import SeriesPoint, spark_values
from econdash.widgets.format import (
    bar, fmt_growth, fmt_number, fmt_rank, own_span, target_progress,
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
    text.append(fmt_number(indicator.value) if indicator.value is not None else "",
                style="bold")
    if indicator.value is not None and indicator.unit:
        text.append(f" {indicator.unit}")
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


class KpiCard(Widget):
    """One headline figure; the trend line shows only when there is a series.

    One widget drawing its text and the sparkline (Textual's own sparkline
    renderable, coloured like its Sparkline widget): the overview is the first
    screen, and every widget on it costs start-up time.
    """

    COMPONENT_CLASSES = {"kpi-card--spark-max", "kpi-card--spark-min"}
    DEFAULT_CSS = """
    KpiCard {
        height: auto; border: round $primary 60%; padding: 0 1;
        border-title-color: $text; border-title-style: bold;
    }
    KpiCard > .kpi-card--spark-max { color: $primary; }
    KpiCard > .kpi-card--spark-min { color: $primary 30%; }
    """

    def __init__(self, indicator: Indicator, period: Period, lang: str,
                 points: list[SeriesPoint]) -> None:
        super().__init__(classes="kpi-card")
        self.indicator, self.period, self.lang, self.points = indicator, period, lang, points
        self.trend = spark_values(points)
        self.border_title = indicator.display_name(lang)
        self.body = card_body(indicator, period, lang, points)

    def render(self) -> RenderableType:
        if len(self.trend) < 2:
            return self.body
        _, base = self.background_colors
        low = base + self.get_component_styles("kpi-card--spark-min").color
        high = base + self.get_component_styles("kpi-card--spark-max").color
        spark = SparklineRenderable(self.trend, width=None, min_color=low.rich_color,
                                    max_color=high.rich_color, summary_function=max)
        return Group(self.body, _EndedLine(spark))


class _EndedLine:
    """A one-line renderable ended by a newline (Textual counts only ended lines when it
    measures a height, and the sparkline renderable doesn't end its line)."""

    def __init__(self, renderable: RenderableType) -> None:
        self.renderable = renderable

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        yield from console.render(self.renderable, options)
        yield Segment.line()
