"""A headline indicator card: name, value and unit, growth, rank, span, trend."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Sparkline, Static

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


class KpiCard(Vertical):
    """One headline figure; the sparkline shows only when there is a series."""

    DEFAULT_CSS = """
    KpiCard {
        height: auto; border: round $primary 60%; padding: 0 1;
        border-title-color: $text; border-title-style: bold;
    }
    KpiCard Sparkline { height: 1; margin-top: 0; }
    """

    def __init__(self, indicator: Indicator, period: Period, lang: str,
                 points: list[SeriesPoint]) -> None:
        super().__init__(classes="kpi-card")
        self.indicator, self.period, self.lang, self.points = indicator, period, lang, points
        self.trend = spark_values(points)
        self.border_title = indicator.display_name(lang)

    def compose(self) -> ComposeResult:
        yield Static(card_body(self.indicator, self.period, self.lang, self.points),
                     classes="kpi-body")
        if len(self.trend) > 1:
            yield Sparkline(self.trend, summary_function=max, classes="kpi-trend")
