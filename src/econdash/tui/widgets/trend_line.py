"""Trend lines as text: what the line draws, its first and last values and range,
block characters for the points with the current period marked, and computed growth
marked (按现价计算). The semantics (which line an indicator gets) are in
core/query/trend.py; this module only draws a `Trend` (docs/time.md).

Plain Rich Text (no widget state), so tables, dialogs and tests share one drawing.
"""

from __future__ import annotations

import math
from collections.abc import Callable

from rich.cells import cell_len
from rich.text import Text

from econdash.core.formatting import fmt_number, fmt_pct
from econdash.core.i18n import tr
from econdash.core.query.trend import Trend, TrendPoint

BLOCKS = "▁▂▃▄▅▆▇█"
CURRENT_STYLE = "bold reverse"
"""The current period's point: reversed, so it reads without colour too."""
COMPUTED_MARK = "*"
LINE_STYLE = "cyan"
CELLS_PER_POINT_MAX = 4
TABLE_POINTS = 12
"""At most this many latest points in a table cell."""


def value_formatter(trend: Trend, unit: str | None) -> Callable[[float], str]:
    """How the line's values read: growth as +8.1%, values with their unit."""
    if trend.is_growth:
        return fmt_pct
    if not unit:
        return fmt_number
    if unit.startswith(("%", "‰")):
        return lambda v: fmt_number(round(v, 2)) + unit
    return lambda v: f"{fmt_number(round(v, 2))} {unit}"


def blocks(values: list[float]) -> list[str]:
    """One block character per value, scaled from the lowest to the highest."""
    finite = [v for v in values if math.isfinite(v)]
    low, high = (min(finite), max(finite)) if finite else (0.0, 0.0)
    top = len(BLOCKS) - 1
    if high == low:
        return [BLOCKS[3]] * len(values)
    return [BLOCKS[round((v - low) / (high - low) * top)] if math.isfinite(v) else " "
            for v in values]


def trend_heading(trend: Trend, lang: str, unit: str | None = None) -> Text:
    """'累计增速  2023年一季度 +8.1% → 2023年全年 +4.9%  (范围 +4.9% ~ +8.1%)  * 按现价计算'."""
    fmt = value_formatter(trend, unit)
    text = Text(trend.label(lang), style="bold")
    first, last = trend.first, trend.last
    text.append(f"  {first.span.label(lang)} {_shown(first, fmt)}"
                f" → {last.span.label(lang)} {_shown(last, fmt)}")
    if len(trend.points) > 2:
        shown = [round(p.value, 1) if p.computed else p.value for p in trend.points]
        text.append("  " + tr("time.range", lang, low=fmt(min(shown)), high=fmt(max(shown))),
                    style="dim")
    if trend.any_computed:
        text.append(f"  {COMPUTED_MARK} {computed_label(unit, lang)}", style="yellow")
    return text


def computed_label(unit: str | None, lang: str) -> str:
    """按现价计算 for money (current prices: not the report's comparable-price growth);
    按同期数值计算 for counts and other units."""
    key = "trend.computed" if unit and "元" in unit else "time.computed_plain"
    return tr(key, lang)


def trend_spark(trend: Trend, width: int) -> tuple[Text, int]:
    """The points as blocks, each a few cells wide to fill `width`; the current one
    reversed, computed ones dim. Returns the text and the cells per point."""
    count = len(trend.points)
    cell = max(1, min(CELLS_PER_POINT_MAX, width // max(count, 1)))
    text = Text(no_wrap=True, end="")
    for index, (point, block) in enumerate(zip(trend.points, blocks(trend.values()))):
        style = CURRENT_STYLE if index == trend.current else LINE_STYLE
        if point.computed and index != trend.current:
            style += " dim"
        text.append(block * cell, style=style)
    return text, cell


def current_marker(trend: Trend, cell: int, lang: str) -> Text:
    """'▲ 本期 2023年全年' under the current point, or why there is no mark."""
    if trend.current is None:
        return Text(tr("time.current_not_on_line", lang), style="dim")
    offset = trend.current * cell + (cell - 1) // 2
    span = trend.points[trend.current].span.label(lang)
    right = f"▲ {tr('time.current', lang)} {span}"
    left = f"{tr('time.current', lang)} {span} ▲"
    # Past the middle the label goes left of the mark, so it stays beside the line.
    if trend.current >= len(trend.points) / 2 and offset >= cell_len(left) - 1:
        return Text(" " * (offset - cell_len(left) + 1) + left, style="bold")
    return Text(" " * offset + right, style="bold")


def trend_block(trend: Trend, lang: str, unit: str | None, width: int = 60) -> Text:
    """Heading, blocks and the current-period mark, three lines."""
    spark, cell = trend_spark(trend, width)
    text = trend_heading(trend, lang, unit)
    text.append("\n")
    text.append_text(spark)
    text.append("\n")
    text.append_text(current_marker(trend, cell, lang))
    return text


def trend_cell(trend: Trend | None, lang: str, unit: str | None = None) -> str:
    """A table cell: '增速 ▇▅▃▁ +8.1%→+4.9%' (up to the current period, which is the
    last point); computed growth ends in '*'; '' without a line."""
    if trend is None:
        return ""
    line = trend.until_current() or (trend if trend.current is None else None)
    if line is None:
        return ""
    points = line.points[-TABLE_POINTS:]
    line = Trend(line.measure, points, None)
    fmt = value_formatter(line, unit)
    return (f"{tr(f'time.short.{line.measure}', lang)} {''.join(blocks(line.values()))} "
            f"{_shown(line.first, fmt)}→{_shown(line.last, fmt)}")


def _shown(point: TrendPoint, fmt: Callable[[float], str]) -> str:
    """A point's value as text; computed growth to one decimal (as reports state
    growth) and marked."""
    if point.computed:
        return fmt(round(point.value, 1)) + COMPUTED_MARK
    return fmt(point.value)
