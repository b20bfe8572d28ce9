"""The keys of the current screen on one line at the bottom (a light Footer).

Textual's Footer is a container of one widget per key and recomposes all of
them whenever the bindings change; on econdash's first screen that alone cost
about 0.1 s of a 0.4 s start. This is one widget that renders one line of
text: the same keys, labels (localised by the screen's `active_bindings`) and
theme colours, clickable, and the command palette key on the right.
"""

from __future__ import annotations

from rich.markup import escape
from rich.text import Text
from textual.binding import Binding
from textual.screen import Screen
from textual.widget import Widget

HELP_ACTION = "help"
"""The app's action for `?` (every key explained)."""


class KeyBar(Widget, can_focus=False):
    """One line: ` key label ` for each shown binding of the screen."""

    COMPONENT_CLASSES = {"keybar--key", "keybar--description"}
    DEFAULT_CSS = """
    KeyBar {
        dock: bottom; height: 1; width: 1fr;
        color: $footer-foreground; background: $footer-background;
    }
    KeyBar > .keybar--key {
        color: $footer-key-foreground; background: $footer-key-background; text-style: bold;
    }
    KeyBar > .keybar--description {
        color: $footer-description-foreground; background: $footer-description-background;
    }
    """

    def __init__(self) -> None:
        super().__init__()
        self.auto_links = False  # clickable, but drawn in the key colours, not as links

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, _screen: Screen) -> None:
        self.refresh()

    def render(self) -> Text:
        active = self.screen.active_bindings
        palette_key = self.app.COMMAND_PALETTE_BINDING if self.app.ENABLE_COMMAND_PALETTE else None
        segments, seen = [], set()
        for key, (_node, binding, enabled, _tooltip) in active.items():
            if not binding.show or binding.action in seen or key == palette_key:
                continue
            seen.add(binding.action)
            segments.append((binding.action, self._segment(binding, enabled)))
        if sum(text.cell_len for _, text in segments) > self.size.width:
            # Too narrow for every key (a table section at 80 columns): the help key,
            # which lists them all, goes first so it is never the one cut off.
            segments.sort(key=lambda item: item[0] != HELP_ACTION)
        left = Text(no_wrap=True, overflow="crop")
        for _, text in segments:
            left.append_text(text)
        if palette_key in active:
            _node, binding, enabled, _tooltip = active[palette_key]
            right = Text("▏", style="dim") + self._segment(binding, enabled)
            room = self.size.width - left.cell_len - right.cell_len
            if room >= 1:
                left.append(" " * room)
                left.append_text(right)
        return left

    def _segment(self, binding: Binding, enabled: bool) -> Text:
        """' key label ', clickable (a click presses the key)."""
        key = self.app.get_key_display(binding)
        segment = Text.from_markup(
            f"[@click=app.simulate_key({binding.key!r})] {escape(key)} "
            f"{escape(binding.description)} [/]")
        segment.stylize(self.get_component_rich_style("keybar--key"), 0, len(key) + 2)
        segment.stylize(self.get_component_rich_style("keybar--description"), len(key) + 2)
        if not enabled:
            segment.stylize("dim")
        return segment
