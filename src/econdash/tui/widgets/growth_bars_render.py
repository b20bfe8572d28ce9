"""Pure rendering of a diverging bar chart of growth rates (no Textual state).

Each row is `name │ bars │ value`: one zero axis shared by every row, negative
bars in red growing left of it, positive bars in green growing right, all on one
scale (cells per percentage point), so bar lengths compare across the axis. The
negative side is only as wide as the largest fall needs. Names are padded and
cut by terminal cells, so Chinese names (two cells a character) line up.
"""

from __future__ import annotations

import math
import re

from rich.cells import cell_len, set_cell_size
from rich.text import Text

from econdash.core.formatting import fmt_pct
from econdash.tui.cells import CUT_MARK

POSITIVE_STYLE = "green"
NEGATIVE_STYLE = "red"
AXIS = "│"
AXIS_STYLE = "dim"
TAIL_STYLE = "cyan"
FULL = "█"
LEFT_HALF = "▌"   # the end of a bar growing right
RIGHT_HALF = "▐"  # the end of a bar growing left
MIN_NAME = 4
NAME_SHARE = 0.4  # at most this share of the width goes to names
MIN_BARS = 4      # cells kept for bars before names are cut further


def pct_style(value: float) -> str:
    """Green for growth, red for a fall, plain for zero."""
    if value > 0:
        return POSITIVE_STYLE
    if value < 0:
        return NEGATIVE_STYLE
    return ""


_BRACKETED_END = re.compile(r"\s?[(（][^()（）]*[)）]$")


def fit_name(name: str, width: int) -> str:
    """`name` padded or cut (with `~`) to exactly `width` cells.

    A short bracketed ending, such as the span a caller adds ("（一季度）",
    " (Q1)"), is kept when the name is cut: the middle goes instead.
    """
    if width <= 0:
        return ""
    if cell_len(name) <= width:
        return name + " " * (width - cell_len(name))
    ending = _BRACKETED_END.search(name)
    if ending and 0 < cell_len(ending.group()) <= width // 2:
        tail = ending.group()
        return set_cell_size(name[:ending.start()], width - cell_len(tail) - 1) + CUT_MARK + tail
    return set_cell_size(name, width - 1) + CUT_MARK


def _halves(value: float, scale: float, room: int) -> int:
    """Bar length in half cells: proportional, at least one half for a non-zero value."""
    if value == 0 or not math.isfinite(value):
        return 0
    halves = round(abs(value) * scale * 2)
    return min(max(halves, 1), room * 2)


def growth_bar_lines(items: list[tuple[str, float]], width: int, *,
                     marks: list[str] | None = None,
                     tails: list[str] | None = None) -> list[Text]:
    """One line of `width` cells per (name, growth %) item, in the order given.

    `marks` follow each value (e.g. '*' for a computed rate); `tails` are drawn after
    the value in a column of their own (e.g. the rate's trend line), when the width
    leaves room for them. Sorting is the caller's job. Returns [] for no items.
    """
    if not items:
        return []
    width = max(width, 1)
    values = [float(v) for _, v in items]
    marks = marks or [""] * len(items)
    labels = [fmt_pct(v) + mark for v, mark in zip(values, marks)]
    label_w = max(cell_len(label) for label in labels)
    tail_w = max((cell_len(t) for t in tails or []), default=0)
    if tail_w and width - tail_w - 1 < 3 * (MIN_NAME + MIN_BARS + label_w):
        tail_w = 0  # too narrow: the bars matter more than their history
    fixed = 1 + 1 + 1 + label_w + (tail_w + 2 if tail_w else 0)  # gap, axis, gap, value
    name_w = min(max(cell_len(name) for name, _ in items),
                 max(MIN_NAME, int(width * NAME_SHARE)))
    name_w = max(0, min(name_w, width - fixed - MIN_BARS))
    bar_area = max(width - name_w - fixed, 0)

    finite = [v for v in values if math.isfinite(v)]
    max_pos = max((v for v in finite if v > 0), default=0.0)
    max_neg = max((-v for v in finite if v < 0), default=0.0)
    total = max_pos + max_neg
    neg_w = round(bar_area * max_neg / total) if total else 0
    if max_neg and max_pos and bar_area >= 2:
        neg_w = min(max(neg_w, 1), bar_area - 1)  # both sides keep at least one cell
    pos_w = bar_area - neg_w
    scales = [side / peak for side, peak in ((neg_w, max_neg), (pos_w, max_pos)) if peak]
    scale = min(scales) if scales else 0.0

    lines = []
    for index, ((name, _), value, label) in enumerate(zip(items, values, labels)):
        line = Text(no_wrap=True, overflow="crop", end="")
        line.append(fit_name(name, name_w))
        line.append(" ")
        if value < 0:
            halves = _halves(value, scale, neg_w)
            bar = (RIGHT_HALF if halves % 2 else "") + FULL * (halves // 2)
            line.append(" " * (neg_w - cell_len(bar)))
            line.append(bar, style=NEGATIVE_STYLE)
        else:
            line.append(" " * neg_w)
        line.append(AXIS, style=AXIS_STYLE)
        if value > 0:
            halves = _halves(value, scale, pos_w)
            bar = FULL * (halves // 2) + (LEFT_HALF if halves % 2 else "")
            line.append(bar, style=POSITIVE_STYLE)
            line.append(" " * (pos_w - cell_len(bar)))
        else:
            line.append(" " * pos_w)
        line.append(" ")
        line.append(label.rjust(label_w), style=pct_style(value))
        if tail_w and tails:
            line.append("  " + tails[index].ljust(tail_w), style=TAIL_STYLE)
        if line.cell_len > width:
            line.truncate(width, overflow="crop")
        lines.append(line)
    return lines


def axis_spacer(line: Text) -> Text:
    """A line as wide as `line` holding only its zero axis (to space rows apart)."""
    plain = line.plain
    index = plain.find(AXIS)
    if index < 0:
        return Text(" " * line.cell_len, no_wrap=True, end="")
    before = cell_len(plain[:index])
    spacer = Text(" " * before, no_wrap=True, end="")
    spacer.append(AXIS, style=AXIS_STYLE)
    spacer.append(" " * max(line.cell_len - before - 1, 0))
    return spacer
