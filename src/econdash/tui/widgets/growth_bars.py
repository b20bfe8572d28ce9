"""`GrowthBars`: a diverging bar chart of growth rates that fits its width."""

from __future__ import annotations

from rich.text import Text
from textual.geometry import Size
from textual.widgets import Static

from econdash.tui.widgets.growth_bars_render import axis_spacer, growth_bar_lines

__all__ = ["GrowthBars", "growth_bar_lines"]


class GrowthBars(Static):
    """One row per (name, growth %) item, drawn for the widget's current width.

    Rows are a blank line apart when the container is tall enough for that.
    """

    DEFAULT_CSS = """
    GrowthBars { height: auto; width: 100%; }
    """

    def __init__(self, items: list[tuple[str, float]] | None = None, *,
                 id: str | None = None, classes: str | None = None) -> None:
        super().__init__("", id=id, classes=classes)
        self._items: list[tuple[str, float]] = list(items or [])
        self._marks: list[str] | None = None
        self._tails: list[str] | None = None
        self._spaced = False
        self.compact = False
        """Never space rows apart (set when the widget shares its container)."""

    @property
    def items(self) -> list[tuple[str, float]]:
        """The rows shown, in order."""
        return list(self._items)

    @property
    def tails(self) -> list[str]:
        """The text after each row's value (its trend line), if any."""
        return list(self._tails or [])

    def set_items(self, items: list[tuple[str, float]], *, marks: list[str] | None = None,
                  tails: list[str] | None = None) -> None:
        """Show these rows (already sorted by the caller); `marks` after each value
        ('*': computed), `tails` after it in a column (trend lines)."""
        self._items = list(items)
        self._marks = marks
        self._tails = tails if tails and any(tails) else None
        self.refresh(layout=True)

    def lines(self, width: int | None = None) -> list[Text]:
        """The rendered rows at `width` (default: the widget's content width)."""
        if width is None:
            width = self.content_size.width or 80
        return growth_bar_lines(self._items, width, marks=self._marks, tails=self._tails)

    def render(self) -> Text:
        lines = self.lines()
        if self._spaced and lines:
            spacer = axis_spacer(lines[0])
            lines = [part for line in lines for part in (line, spacer)][:-1]
        return Text("\n", no_wrap=True, end="").join(lines)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        rows = max(len(self._items), 1)
        # A blank line between bars when the space is there: easier to follow a row.
        self._spaced = not self.compact and rows > 1 and container.height >= 2 * rows - 1
        return 2 * rows - 1 if self._spaced else rows

    def on_resize(self) -> None:
        self.refresh()
