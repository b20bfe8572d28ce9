"""The detail of one indicator (Enter on the Indicators table): every fact the
report gives about it, its parent and parts, and its observations across periods.
"""

from __future__ import annotations

import polars as pl
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.widgets import Static

from econdash.core.formatting import fmt_number
from econdash.core.i18n import tr
from econdash.core.model.dataset import Indicator, PeriodData
from econdash.core.model.series import SeriesPoint
from econdash.core.query.series import indicator_series
from econdash.core.query.tables import parts_of
from econdash.core.query.trend import growth_points, trends
from econdash.tui.screens.localized import LocalizedModalScreen
from econdash.tui.screens.review import source_text
from econdash.tui.text import (
    bar,
    fmt_growth,
    fmt_rank,
    literal,
    target_progress,
)
from econdash.tui.widgets.trend_line import COMPUTED_MARK, trend_block

SPARK_MAX_WIDTH = 60


def category_label(category: str, lang: str) -> str:
    """A category in `lang` when the interface knows it, else as the data writes it."""
    label = tr(f"cat.{category}", lang)
    return category if label == f"cat.{category}" else label


def with_unit(number: str, unit: str | None) -> str:
    """'397.3 亿元', '40%' (no space before a percent sign)."""
    if not unit:
        return number
    return number + unit if unit.startswith(("%", "‰")) else f"{number} {unit}"


def value_text(indicator: Indicator) -> str:
    """'397.3 亿元', or '' without a value."""
    if indicator.value is None:
        return ""
    return with_unit(fmt_number(indicator.value), indicator.unit)


def _parts_tolerance(numbers: list[float]) -> float:
    """Rounding slack: half a last digit per number (as the loader's check)."""
    decimals = 0
    for number in numbers:
        text = f"{number:.10f}".rstrip("0")
        decimals = max(decimals, len(text.split(".")[1]) if "." in text else 0)
    return 1e-9 if decimals == 0 else 0.5 * 10 ** -decimals * len(numbers)


def parts_sum_text(indicator: Indicator, parts: list[Indicator], lang: str) -> Text:
    """Whether the parts add up to the indicator's value."""
    values = [p.value for p in parts]
    if indicator.value is None or any(v is None for v in values):
        return Text(tr("parts_sum_na", lang), style="dim")
    total = float(sum(values))  # type: ignore[arg-type]
    if abs(total - indicator.value) <= _parts_tolerance([indicator.value, *values]):  # type: ignore[list-item]
        return Text(tr("parts_sum_ok", lang, total=fmt_number(total)), style="green")
    return Text(tr("parts_sum_off", lang, total=fmt_number(total),
                   value=fmt_number(indicator.value)), style="yellow")


def facts_table(indicator: Indicator, period: PeriodData, lang: str) -> Table:
    """Label / value rows of everything the report says about the indicator."""
    table = Table(box=None, show_header=False, padding=(0, 2, 0, 0), expand=False)
    table.add_column(style="dim", no_wrap=True)
    table.add_column(overflow="fold")

    def row(label: str, value: str | Text) -> None:
        if (value.plain if isinstance(value, Text) else value):
            table.add_row(label, value if isinstance(value, Text) else literal(value))

    row(tr("name", lang), Text(indicator.name, style="bold"))
    row(tr("name_en", lang), indicator.name_en or "")
    row(tr("category", lang), category_label(indicator.category, lang))
    row(tr("value", lang), Text(value_text(indicator), style="bold"))
    row(tr("yoy", lang), fmt_growth(indicator.yoy_pct))
    row(tr("rank", lang), Text(fmt_rank(indicator, lang), style="bold cyan"))
    span = Text(indicator.span.label(lang))
    if indicator.span != period.period:
        span.append(f"  ({tr('period', lang)}: {period.title(lang)})", style="dim")
    row(tr("span", lang), span)
    if indicator.target is not None:
        if indicator.target_of == "value":
            target = Text(with_unit(fmt_number(indicator.target), indicator.unit))
        else:
            target = Text(f"{fmt_number(indicator.target)}% ({tr('yoy', lang)})")
        row(tr("target", lang), target)
        progress = target_progress(indicator)
        if progress is not None:
            line = Text()
            line.append(bar(progress, 20), style="cyan")
            line.append(f" {progress * 100:.0f}%")
            row(tr("progress", lang), line)
    row(tr("note", lang), indicator.note or "")
    row(tr("indicator_id", lang), Text(indicator.id, style="dim"))
    return table


def family_text(indicator: Indicator, period: PeriodData, lang: str) -> Text | None:
    """Its parent and its parts with values (and whether the parts add up), or None."""
    parent = period.indicator(indicator.parent) if indicator.parent else None
    parts = parts_of(period, indicator.id)
    if parent is None and not indicator.parent and not parts:
        return None
    text = Text()
    if indicator.parent:
        text.append(tr("parent", lang) + ": ", style="bold")
        if parent is not None:
            text.append(parent.display_name(lang))
            if parent.value is not None:
                text.append(f"  {value_text(parent)}", style="dim")
        else:
            text.append(indicator.parent, style="dim")
        text.append("\n")
    if parts:
        text.append(tr("parts", lang) + ":\n", style="bold")
        for part in parts:
            text.append(f"  - {part.display_name(lang)}")
            if part.value is not None:
                text.append(f"  {value_text(part)}")
            growth = fmt_growth(part.yoy_pct)
            if growth.plain:
                text.append("  ")
                text.append_text(growth)
            text.append("\n")
        text.append("  ")
        text.append_text(parts_sum_text(indicator, parts, lang))
        text.append("\n")
    text.rstrip()
    return text


def observations_table(indicator: Indicator, points: list[SeriesPoint], lang: str) -> Table:
    """Every observation of the indicator, oldest first; the one on screen in bold.
    Growth the report does not state but the data allows (same span a year earlier)
    is shown computed, marked '*'."""
    computed = {p.span: p.value for p in growth_points(points) if p.computed}
    table = Table(box=None, padding=(0, 2, 0, 0), header_style="bold", expand=False)
    table.add_column(tr("span", lang), no_wrap=True)
    table.add_column(tr("value", lang), justify="right", no_wrap=True)
    table.add_column(tr("yoy", lang), justify="right", no_wrap=True)
    table.add_column(tr("rank", lang), justify="right", no_wrap=True)
    for point in points:
        current = point.span == indicator.span
        style = "bold" if current else ""
        value = with_unit(fmt_number(point.value), indicator.unit) if point.value is not None else ""
        growth = fmt_growth(point.yoy_pct)
        if point.yoy_pct is None and point.span in computed:
            growth = fmt_growth(round(computed[point.span], 1))
            growth.append(COMPUTED_MARK, style="yellow")
        span = Text(point.span.label(lang))
        if current:
            span.append(f" ◀ {tr('time.current', lang)}")
        table.add_row(span, literal(value), growth,
                      str(point.rank) if point.rank is not None else "", style=style)
    return table


def trend_widgets(indicator: Indicator, points: list[SeriesPoint], lang: str) -> list[Static]:
    """One block per trend line worth drawing (the default first), or a hint why none."""
    lines = trends(points, indicator.span)
    blocks = [Static(trend_block(line, lang, indicator.unit, SPARK_MAX_WIDTH),
                     classes="detail-trend", id=f"detail-trend-{line.measure}")
              for line in lines]
    if any(line.any_computed for line in lines):
        blocks.append(Static(tr("time.computed_note", lang), classes="detail-hint"))
    return blocks or [Static(tr("time.no_trend", lang), classes="detail-hint",
                             id="detail-no-trend")]


class IndicatorDetailScreen(LocalizedModalScreen):
    """Everything about one indicator; Esc closes it."""

    BINDINGS = [Binding("escape,q", "close", "Close")]

    def __init__(self, indicator: Indicator, period: PeriodData,
                 observations: pl.DataFrame | None, lang: str) -> None:
        super().__init__()
        self.indicator = indicator
        self.period_data = period
        self.lang = lang
        self.points = indicator_series(observations, indicator) if observations is not None else []

    def compose(self) -> ComposeResult:
        ind, lang = self.indicator, self.lang
        title = Text(ind.display_name(lang), style="bold")
        title.append(f"  ({tr('close_hint', lang)})", style="dim")
        with Vertical(classes="dialog indicator-detail"):
            yield Static(title, classes="dialog-title", id="detail-title")
            with VerticalScroll(id="detail-scroll"):
                yield Static(facts_table(ind, self.period_data, lang), id="detail-facts")
                family = family_text(ind, self.period_data, lang)
                if family is not None:
                    yield Static(family, id="detail-family", classes="detail-block")
                source = source_text(ind.quote, ind.quote_line, lang)  # (drafts: review.py)
                if source is not None:
                    yield Static(source, id="detail-source", classes="detail-block")
                yield Static(tr("observations", lang), classes="detail-heading")
                yield Static(observations_table(ind, self.points, lang), id="detail-observations")
                yield from trend_widgets(ind, self.points, lang)

    def on_mount(self) -> None:
        self.add_class("modal")

    def action_close(self) -> None:
        self.dismiss()
