"""Textual's own command-palette commands (theme, keys, quit, screenshot …) in the
interface language.

Textual writes them in English (`App.get_system_commands`); this mixin yields the same
commands with titles and help from core/strings/palette.py, sends "Keys" to econdash's
own key list (`?`, in the interface language) instead of Textual's English help panel,
and gives the palette and the theme picker translated prompts and "no matches" line.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from rich.align import Align
from rich.text import Text
from textual.app import SystemCommand
from textual.command import CommandList, CommandPalette
from textual.screen import Screen
from textual.system_commands import SystemCommandsProvider  # noqa: F401 (App.COMMANDS)
from textual.widgets.option_list import Option

from econdash.core.i18n import tr
from econdash.tui.state import dashboard


class LocalizedCommandPalette(CommandPalette):
    """Textual's palette, saying "no matches" in the interface language."""

    def __init__(self, lang: str, **kwargs) -> None:
        super().__init__(**kwargs)
        self.interface_lang = lang

    def _start_no_matches_countdown(self, search_value: str) -> None:
        # Textual 8.2.8 `CommandPalette._start_no_matches_countdown`, with its one English
        # line ("No matches found") translated; the rest as Textual does it.
        self._stop_no_matches_countdown()

        def show_no_matches() -> None:
            if search_value:
                self.query_one(CommandList).add_option(Option(
                    Align.center(Text(tr("palette.no_matches", self.interface_lang), style="not bold")),
                    disabled=True, id=self._NO_MATCHES))
            self._list_visible = bool(search_value)

        self._no_matches_timer = self.set_timer(self._NO_MATCHES_COUNTDOWN, show_no_matches)


if TYPE_CHECKING:
    from textual.app import App

    class _AppBase(App[Any]):
        """What the mixin uses of `EcondashApp` (for the type checker only)."""

        def action_toggle_lang(self) -> None: ...
        def action_help(self) -> None: ...
else:
    _AppBase = object  # at run time the App comes later in EcondashApp's bases


class LocalizedSystemCommands(_AppBase):
    """Mixin for the App (before App in the bases)."""

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        app = self
        lang = dashboard(app).lang

        def command(key: str, callback) -> SystemCommand:
            return SystemCommand(tr(f"syscmd.{key}", lang), tr(f"syscmd.{key}_help", lang),
                                 callback)

        yield command("theme", app.action_change_theme)
        yield command("language", app.action_toggle_lang)
        yield command("keys", app.action_help)
        if screen.maximized is not None:
            yield command("minimize", screen.action_minimize)
        elif screen.focused is not None and screen.focused.allow_maximize:
            yield command("maximize", screen.action_maximize)
        yield command("screenshot",
                      lambda: app.set_timer(0.1, app.deliver_screenshot))
        yield command("quit", app.action_quit)

    def action_command_palette(self) -> None:
        """ctrl+p: the palette, with its prompt in the interface language."""
        app = self
        if app.use_command_palette and not CommandPalette.is_open(app):
            lang = dashboard(app).lang
            app.push_screen(LocalizedCommandPalette(
                lang, id="--command-palette", placeholder=tr("palette.placeholder", lang)))

    def search_themes(self) -> None:
        """The theme picker, with its prompt in the interface language."""
        from textual.theme import ThemeProvider
        app = self
        lang = dashboard(app).lang
        app.push_screen(LocalizedCommandPalette(
            lang, providers=[ThemeProvider], placeholder=tr("palette.themes", lang)))
