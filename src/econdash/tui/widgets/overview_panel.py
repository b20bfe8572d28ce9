"""A bordered overview panel of selectable rows (cluster growth, honours, projects,
what needs attention): Up/Down move a cursor over the rows that open something,
Enter posts `OverviewPanel.Opened` with the row's key; past the last row the
focus moves on to the next panel, before the first back to the previous one.

The rows are built at render time by a function of the content width and the
theme's styles (see `overview_render`), so a resize re-lays them out. Rows beyond
the panel's height scroll with the cursor.
"""

from __future__ import annotations

from collections.abc import Callable

from rich.console import Group, RenderableType
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.message import Message
from textual.widget import Widget

from econdash.tui.cells import fit_text
from econdash.tui.widgets.overview_render import PanelStyles, Row

RowBuilder = Callable[[int, PanelStyles], list[Row]]


class OverviewPanel(Widget, can_focus=True):
    """One panel of the overview."""

    COMPONENT_CLASSES = {"overview-panel--up", "overview-panel--down", "overview-panel--bar",
                         "overview-panel--dim", "overview-panel--cursor"}
    DEFAULT_CSS = """
    OverviewPanel {
        border: round $primary; border-title-align: left; border-title-color: $text;
        border-title-style: bold; padding: 0 1; height: 1fr;
    }
    OverviewPanel:focus { border: heavy $text-accent; }
    OverviewPanel > .overview-panel--up { color: $text-success; }
    OverviewPanel > .overview-panel--down { color: $text-error; }
    OverviewPanel > .overview-panel--bar { color: $text-primary; }
    OverviewPanel > .overview-panel--dim { color: $text-muted; }
    OverviewPanel > .overview-panel--cursor { text-style: reverse; }
    """
    BINDINGS = [
        Binding("up", "move(-1)", show=False), Binding("down", "move(1)", show=False),
        Binding("home", "move(-1000000)", show=False), Binding("end", "move(1000000)", show=False),
        Binding("enter", "open", show=False),
    ]

    class Opened(Message):
        """Enter (or a double click) on a row that opens something."""

        def __init__(self, panel: OverviewPanel, key: str) -> None:
            super().__init__()
            self.panel, self.key = panel, key

    def __init__(self, id: str) -> None:
        super().__init__(id=id)
        self.builder: RowBuilder = lambda width, styles: []
        self.cursor = 0  # index among the rows that open something
        self._top = 0  # first row shown
        self._built: tuple[int, list[Row]] | None = None  # (width, rows) last built

    def show(self, title: str, builder: RowBuilder) -> None:
        """Show `title` on the border and the rows `builder` makes."""
        self.border_title = Text(title)
        self.builder = builder
        self._built = None
        self.refresh(layout=True)

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._built = None  # (a new theme: the rows' colours change)

    def get_content_height(self, container, viewport, width: int) -> int:
        return len(self._rows_at(width))

    def _rows_at(self, width: int) -> list[Row]:
        """The rows at this content width (built once per width, data and theme: reading
        the theme's styles costs about half a millisecond)."""
        if self._built is None or self._built[0] != width:
            self._built = (width, self.builder(width, self.styles_for_rows()))
        return self._built[1]

    def styles_for_rows(self) -> PanelStyles:
        style = self.get_component_rich_style
        return PanelStyles(up=style("overview-panel--up"), down=style("overview-panel--down"),
                           bar=style("overview-panel--bar"), dim=style("overview-panel--dim"),
                           strong=Style(bold=True))

    def rows(self) -> list[Row]:
        return self._rows_at(max(self.content_size.width, 1))

    def choices(self) -> list[int]:
        """Indices of the rows that open something."""
        return [i for i, row in enumerate(self.rows()) if row.key is not None]

    def selected_key(self) -> str | None:
        """The key of the row under the cursor (None: no row opens anything)."""
        rows, choices = self.rows(), self.choices()
        if not choices:
            return None
        return rows[choices[min(self.cursor, len(choices) - 1)]].key

    def action_move(self, step: int) -> None:
        choices = self.choices()
        target = self.cursor + step
        if abs(step) == 1 and (target < 0 or target >= len(choices)):
            (self.screen.focus_previous if target < 0 else self.screen.focus_next)()
            return
        self.cursor = min(max(target, 0), max(len(choices) - 1, 0))
        self.refresh()

    def action_open(self) -> None:
        key = self.selected_key()
        if key is not None:
            self.post_message(self.Opened(self, key))

    def on_click(self, event: events.Click) -> None:
        line = self._top + event.y
        choices = self.choices()
        if line in choices:
            self.cursor = choices.index(line)
            self.refresh()
            if event.chain >= 2:
                self.action_open()

    def on_focus(self) -> None:
        self.refresh()

    def on_blur(self) -> None:
        self.refresh()

    def render(self) -> RenderableType:
        rows, choices = self.rows(), self.choices()
        height = max(self.content_size.height, 1)
        current = choices[min(self.cursor, len(choices) - 1)] if choices else None
        if current is not None:
            # Scroll just enough to keep the cursor's row in view.
            self._top = min(max(self._top, current - height + 1), current)
        self._top = max(0, min(self._top, max(len(rows) - height, 0)))
        cursor_style = self.get_component_rich_style("overview-panel--cursor")
        shown = []
        for index in range(self._top, min(len(rows), self._top + height)):
            text = fit_text(rows[index].text.copy(), self.content_size.width)
            text.no_wrap, text.overflow = True, "crop"
            if index == current and self.has_focus:
                text.stylize(cursor_style)
            shown.append(text)
        return Group(*shown)
