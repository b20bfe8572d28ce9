"""A small sparkline of block characters with the current point marked.

Textual's Sparkline crashes on None and cannot mark a point; this draws a trend
line (`core.query.trend.Trend` values) as Rich Text: ▁▂▃▄▅▆▇█, one level per value
between the line's minimum and maximum, the current period's cell in its own
style. Pure (Rich only, no polars), so the overview's first frame can draw it.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.style import Style
from rich.text import Text

LEVELS = "▁▂▃▄▅▆▇█"
MAX_CELLS_PER_POINT = 3
"""A short line (two or three points) is drawn wider, so a step reads as one."""


def window(count: int, width: int, current: int | None) -> range:
    """Which points fit in `width` cells: the last ones, moved back to keep `current`."""
    if count <= width:
        return range(count)
    end = count if current is None else min(count, max(current + 1, width))
    return range(end - width, end)


def levels(values: Sequence[float]) -> list[int]:
    """Each value's level 0..7 between the minimum and maximum (a flat line: the middle)."""
    low, high = min(values), max(values)
    if high == low:
        return [3] * len(values)
    top = len(LEVELS) - 1
    return [round((value - low) / (high - low) * top) for value in values]


def sparkline(values: Sequence[float], width: int, current: int | None = None,
              style: str | Style = "", mark_style: str | Style = "bold") -> Text:
    """`values` (oldest first) in at most `width` cells; the point at index `current`
    (the period shown) drawn in `mark_style`. Empty text for no values or no room."""
    if not values or width <= 0:
        return Text("")
    shown = window(len(values), width, current)
    cells = max(1, min(MAX_CELLS_PER_POINT, width // len(shown)))
    text = Text()
    for index, level in zip(shown, levels([values[i] for i in shown])):
        text.append(LEVELS[level] * cells, style=mark_style if index == current else style)
    return text
