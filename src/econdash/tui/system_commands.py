"""Textual's own command-palette commands (theme, keys, quit, screenshot …) in the
interface language.

Textual writes them in English (`App.get_system_commands`); this mixin yields the same
commands with titles and help from core/strings/palette.py, sends "Keys" to econdash's
own key list (`?`, in the interface language) instead of Textual's English help panel,
and gives the palette and the theme picker translated prompts.
"""

from __future__ import annotations

from typing import Iterable

from textual.app import SystemCommand
from textual.command import CommandPalette
from textual.screen import Screen
from textual.system_commands import SystemCommandsProvider  # noqa: F401 (App.COMMANDS)

from econdash.core.i18n import tr
from econdash.tui.state import dashboard


class LocalizedSystemCommands:
    """Mixin for the App (before App in the bases)."""

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        app = self  # type: ignore[assignment]
        lang = dashboard(app).lang  # type: ignore[arg-type]

        def command(key: str, callback) -> SystemCommand:
            return SystemCommand(tr(f"syscmd.{key}", lang), tr(f"syscmd.{key}_help", lang),
                                 callback)

        yield command("theme", app.action_change_theme)  # type: ignore[attr-defined]
        yield command("language", app.action_toggle_lang)  # type: ignore[attr-defined]
        yield command("keys", app.action_help)  # type: ignore[attr-defined]
        if screen.maximized is not None:
            yield command("minimize", screen.action_minimize)
        elif screen.focused is not None and screen.focused.allow_maximize:
            yield command("maximize", screen.action_maximize)
        yield command("screenshot",
                      lambda: app.set_timer(0.1, app.deliver_screenshot))  # type: ignore[attr-defined]
        yield command("quit", app.action_quit)  # type: ignore[attr-defined]

    def action_command_palette(self) -> None:
        """ctrl+p: the palette, with its prompt in the interface language."""
        app = self  # type: ignore[assignment]
        if app.use_command_palette and not CommandPalette.is_open(app):  # type: ignore[attr-defined]
            lang = dashboard(app).lang  # type: ignore[arg-type]
            app.push_screen(CommandPalette(id="--command-palette",  # type: ignore[attr-defined]
                                           placeholder=tr("palette.placeholder", lang)))

    def search_themes(self) -> None:
        """The theme picker, with its prompt in the interface language."""
        from textual.theme import ThemeProvider
        app = self  # type: ignore[assignment]
        app.push_screen(CommandPalette(  # type: ignore[attr-defined]
            providers=[ThemeProvider], placeholder=tr("palette.themes", dashboard(app).lang)))
