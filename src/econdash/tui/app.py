"""The econdash App: sections as modes, global keys and their actions, settings.

It builds on `DataApp` (the state the screens read, changed by what the data
source reports) and `GuardedApp` (no traceback, no life after the terminal). It
is made from a `DatasetChoice` (the load runs on a thread, so the first frame
appears at once) or from a ready `Dataset` (tests).

Nothing here imports polars or a section other than the first at import time:
the first frame (the overview, drawn from a snapshot) needs neither, and
importing them costs more than Textual's whole start.
"""

from __future__ import annotations

import gc
from pathlib import Path
from typing import TYPE_CHECKING

from textual.app import App
from textual.binding import Binding
from textual.command import Provider

from econdash.core.sections import SECTIONS
from econdash.core.settings import Settings, load_settings, save_settings
from econdash.core.startup import Startup, begin
from econdash.tui import textual_fixes
from econdash.tui.data_app import DataApp
from econdash.tui.section_screens import SECTION_SCREENS
from econdash.tui.system_commands import LocalizedSystemCommands

if TYPE_CHECKING:
    from econdash.core.model.dataset import Dataset
    from econdash.core.paths import DatasetChoice

textual_fixes.apply()


def _jump_provider() -> type[Provider]:
    from econdash.tui.palette import JumpProvider
    return JumpProvider


def _review_provider() -> type[Provider]:
    from econdash.tui.screens.review import ReviewProvider
    return ReviewProvider


class EcondashApp(LocalizedSystemCommands, DataApp):
    """The dashboard."""

    CSS_PATH = "styles/app.tcss"
    TITLE = "econdash"
    MODES = dict(SECTION_SCREENS)
    DEFAULT_MODE = "overview"
    COMMANDS = App.COMMANDS | {_jump_provider, _review_provider}
    BINDINGS = [
        *(Binding(str(key), f"section('{name}')", name.title(), show=False)
          for key, name in enumerate(SECTIONS, start=1)),
        Binding("left_square_bracket", "prev_period", "Prev period"),
        Binding("right_square_bracket", "next_period", "Next period"),
        Binding("l", "toggle_lang", "English"),
        Binding("c", "compare", "Compare"),
        Binding("e", "export", "Export"),
        Binding("r", "review", "Review draft", show=False),
        Binding("exclamation_mark", "problems", "Problems", show=False),
        Binding("question_mark", "help", "Help"),
        Binding("q", "quit", "Quit"),
    ]

    RELOAD_SECONDS = 2.0

    def __init__(self, choice: DatasetChoice | None = None, *, dataset: Dataset | None = None,
                 lang: str | None = None, settings_file: Path | None = None,
                 watch: bool = False, startup: Startup | None = None,
                 guard_errors: bool = False) -> None:
        self.settings = load_settings(settings_file)
        if self.settings.section in self.MODES:
            # App.__init__ reads DEFAULT_MODE, so the remembered section goes in first.
            self.DEFAULT_MODE = self.settings.section  # type: ignore[misc]
        if startup is None and choice is not None and dataset is None:
            startup = begin(choice.path, self.DEFAULT_MODE)
        super().__init__(choice, startup, guard_errors)
        self._preloaded = dataset
        self._settings_file, self._watch, self._started = settings_file, watch, False
        self.set_reactive(DataApp.lang, lang or self.settings.lang)
        head = self.source.head()
        if head is not None:
            self._show_head(head)  # before the first screen is composed

    def on_mount(self) -> None:
        self.call_after_refresh(gc.enable)  # `econdash` turns it off until the first frame
        if self.settings.theme in self.available_themes:
            self.theme = self.settings.theme
        if self._preloaded is not None:
            self.apply_dataset(self._preloaded)
            self._preloaded = None  # (held here, a reload could never free it)
        self.source.start()
        if self._watch:
            self.source.watch(self.RELOAD_SECONDS)
        self._started = True

    def watch_lang(self) -> None:
        self.refresh_bindings()
        self.refresh_screen()
        self._save_settings()

    def watch_theme(self) -> None:
        self._save_settings()

    def _save_settings(self) -> None:
        """Remember what the person changed; a start (setting the saved theme) changes
        nothing, so a settings file they wrote by hand is never rewritten (D2)."""
        settings = Settings(lang=self.lang, theme=self.theme,
                            section=self.current_mode or "overview")
        if self._started and settings != self.settings:
            self.settings = settings
            save_settings(self._settings_file, settings)

    def action_section(self, name: str) -> None:
        """Show a section (keys 1-6, or a click on the top bar)."""
        if name in self.MODES and self.current_mode != name:
            self.switch_mode(name)
            self._save_settings()

    def action_prev_period(self) -> None:
        """Show the previous (older) period."""
        self._step_period(-1)

    def action_next_period(self) -> None:
        """Show the next (newer) period."""
        self._step_period(1)

    def _step_period(self, step: int) -> None:
        count = len(self.dataset.periods) if self.dataset else 0
        if 0 <= self.period_index + step < count:
            self.period_index += step
        else:
            self.bell()

    def jump_to(self, section: str, key: str) -> None:
        """Show `section` with the item `key` highlighted (from the command palette)."""
        self.action_section(section)
        self.call_after_refresh(lambda: getattr(self.screen, "reveal", lambda _: None)(key))

    def action_toggle_lang(self) -> None:
        """Switch Chinese / English."""
        self.lang = "en" if self.lang == "zh" else "zh"

    def action_help(self) -> None:
        """Show every key."""
        from econdash.tui.screens.help import HelpScreen
        self._open_once(HelpScreen)

    def action_compare(self) -> None:
        """Two periods side by side."""
        from econdash.tui.screens.compare import CompareScreen
        if self.dataset is not None:
            self._open_once(CompareScreen)

    def action_export(self) -> None:
        """Export the rows the current table shows (key e): what, the screen says."""
        from econdash.tui.screens.export_dialog import open_export
        open_export(self, self.screen, self.current_period, self.current_mode or "table")


    def action_review(self) -> None:
        """Review the draft period shown (key r): accept, reject or correct its figures."""
        from econdash.core.admin.review import open_review
        from econdash.core.errors import EcondashError
        from econdash.core.i18n import tr
        from econdash.tui.screens.review import ReviewScreen
        from econdash.tui.text import toast
        if isinstance(self.screen, ReviewScreen):
            return  # (already reviewing)
        period = self.current_period
        if period is None or self.dataset is None or not period.is_draft:
            toast(self, tr("drafts_not_draft", self.lang), severity="warning")
            return
        try:
            review = open_review(period, self.dataset.root)
        except EcondashError as exc:
            toast(self, exc.message, severity="error")
            return

        def reload_if_written(written: bool | None) -> None:
            if written:
                self.source.reload()

        self.push_screen(ReviewScreen(review), callback=reload_if_written)


def run_app(choice: DatasetChoice, lang: str | None = None,
            startup: Startup | None = None) -> int:
    """Run the dashboard until the user quits; returns the exit code."""
    from econdash.core.settings import settings_path
    app = EcondashApp(choice, lang=lang, settings_file=settings_path(), watch=True,
                      startup=startup, guard_errors=True)
    app.run()
    return app.return_code or 0
