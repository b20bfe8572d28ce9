"""Text cut to a number of terminal cells: the one place it is done.

A cut leaves out the middle and marks it with "~" (ASCII on purpose: "…" is
East-Asian ambiguous width, one cell in some terminals and two in others, which
would break every column after it). The start and the end stay, so names that differ
only at the end ("数字经济核~统增加值", "数字经济核~统企业数") stay apart.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Literal

from rich.cells import cell_len
from rich.text import Text

CUT_MARK = "~"
Align = Literal["left", "right"]


def fit_cell(text: str, width: int, align: Align = "left") -> str:
    """Pad or truncate `text` to exactly `width` terminal cells (CJK = 2 cells)."""
    if width <= 0:
        return ""
    length = cell_len(text)
    if length > width:
        return cut_middle(text, width)
    padding = " " * (width - length)
    return padding + text if align == "right" else text + padding


def cut_middle(text: str, width: int) -> str:
    """`text` cut to exactly `width` cells by leaving out its middle: the start and the
    end stay, so names that differ only at the end ("~纳统增加值", "~纳统企业数") can still
    be told apart. Wide characters are never split (a space fills their half)."""
    if width <= 1:
        return CUT_MARK[:width]
    room = width - 1
    tail, used = _fitting(reversed(text), room // 2)
    head, head_used = _fitting(iter(text), room - used)
    return head + CUT_MARK + tail[::-1] + " " * (room - used - head_used)


def _fitting(chars: Iterable[str], room: int) -> tuple[str, int]:
    """The longest run of `chars` that fits in `room` cells, and the cells it takes."""
    taken, used = [], 0
    for char in chars:
        size = cell_len(char)
        if used + size > room:
            break
        taken.append(char)
        used += size
    return "".join(taken), used


def fit_text(text: Text, width: int) -> Text:
    """Styled `text` cut to at most `width` cells, its end marked "~" when cut (for
    titles and lines Rich would otherwise end in "…")."""
    if cell_len(text.plain) <= width:
        return text
    cut = text.copy()
    cut.truncate(max(width - 1, 0), overflow="crop")
    cut.rstrip()  # (the space that pads a wide character cut in half)
    cut.append(CUT_MARK, style=text.style)
    return cut
