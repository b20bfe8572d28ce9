"""The econdash App: sections as modes, global keys, and the loading worker.

The app is built from a `DatasetChoice` (loaded on a thread, see `loading`,
so the first frame appears at once) or from a ready `Dataset` (tests). Screens
read `dataset`, `current_period` and `lang` from here and only display.

Nothing here imports polars or a section other than the first at import time:
the first frame (the overview, drawn from a snapshot) needs neither, and
importing them costs more than Textual's whole start.
"""

from __future__ import annotations

import gc
import importlib
from pathlib import Path
from typing import TYPE_CHECKING, Callable

from textual import work
from textual.worker import get_current_worker
from textual.app import App
from textual.binding import Binding
from textual.command import Provider
from textual.reactive import reactive
from textual.screen import Screen

from econdash.tui import error_guard, textual_fixes
from econdash.core.errors import EcondashError
from econdash.tui.text import toast
from econdash.core.i18n import tr
from econdash.core.startup import Loading, Startup, begin, save_snapshot
from econdash.core.model.overview import OverviewData
from econdash.core.query.overview import overview_data
from econdash.core.settings import Settings, load_settings, save_settings
from econdash.core.watch import Fingerprint, fingerprint
from econdash.core.loaders.reload import merge_reload
from econdash.core.model.dataset import Dataset, PeriodData
from econdash.core.paths import DatasetChoice

if TYPE_CHECKING:
    import polars as pl

textual_fixes.apply()

SECTION_SCREENS = {
    "overview": "overview.OverviewScreen",
    "indicators": "indicators.IndicatorsScreen",
    "growth": "growth.GrowthScreen",
    "projects": "projects.ProjectsScreen",
    "enterprises": "enterprises.EnterprisesScreen",
    "history": "history.HistoryScreen",
}
"""Section name -> screen class in `econdash.tui.screens`, imported when first shown."""


def _screen_class(dotted: str) -> type[Screen]:
    module, name = dotted.rsplit(".", 1)
    return getattr(importlib.import_module(f"econdash.tui.screens.{module}"), name)


def _section_factory(name: str) -> Callable[[], Screen]:
    def make() -> Screen:
        return _screen_class(SECTION_SCREENS[name])()
    return make


def _jump_provider() -> type[Provider]:
    from econdash.tui.palette import JumpProvider
    return JumpProvider


DISPLAY_HELPER_COLUMNS = {"report_order", "category_order", "rank_text", "trend"}


class EcondashApp(App):
    """The dashboard."""

    CSS_PATH = "styles/app.tcss"
    TITLE = "econdash"
    MODES = {name: _section_factory(name) for name in SECTION_SCREENS}
    DEFAULT_MODE = "overview"
    COMMANDS = App.COMMANDS | {_jump_provider}
    BINDINGS = [
        Binding("1", "section('overview')", "Overview", show=False),
        Binding("2", "section('indicators')", "Indicators", show=False),
        Binding("3", "section('growth')", "Growth", show=False),
        Binding("4", "section('projects')", "Projects", show=False),
        Binding("5", "section('enterprises')", "Enterprises", show=False),
        Binding("6", "section('history')", "History", show=False),
        Binding("left_square_bracket", "prev_period", "Prev period"),
        Binding("right_square_bracket", "next_period", "Next period"),
        Binding("l", "toggle_lang", "English"),
        Binding("c", "compare", "Compare"),
        Binding("e", "export", "Export"),
        Binding("exclamation_mark", "problems", "Problems", show=False),
        Binding("question_mark", "help", "Help"),
        Binding("q", "quit", "Quit"),
    ]

    lang: reactive[str] = reactive("zh")
    """Interface language: 'zh' or 'en'."""
    period_index: reactive[int] = reactive(0)
    """Index of the period shown, in `dataset.periods` (oldest first)."""

    RELOAD_SECONDS = 2.0

    def __init__(self, choice: DatasetChoice | None = None, *, dataset: Dataset | None = None,
                 lang: str | None = None, settings_file: Path | None = None,
                 watch: bool = False, startup: Startup | None = None,
                 guard_errors: bool = False) -> None:
        self.settings = load_settings(settings_file)
        if self.settings.section in self.MODES:
            # App.__init__ reads DEFAULT_MODE, so the remembered section goes in first.
            self.DEFAULT_MODE = self.settings.section  # type: ignore[misc]
        super().__init__()
        self.choice = choice
        self.dataset: Dataset | None = None
        self.observations: pl.DataFrame | None = None
        self.load_error: EcondashError | None = None
        self._preloaded = dataset
        if startup is None and choice is not None and dataset is None:
            startup = begin(choice.path, self.DEFAULT_MODE)
        self._startup = startup
        if startup is not None and startup.loading is not None and startup.loading.head:
            self._show_head(startup.loading.head)  # before the first screen is composed
        self.preview: OverviewData | None = startup.preview if startup else None
        """The overview from a snapshot or the report (`loading.begin`), shown until the
        dataset has loaded."""
        self._settings_file = settings_file
        self._watch = watch
        self._fingerprint: Fingerprint | None = None
        self._reloading: Fingerprint | None = None  # what a reload under way is loading
        self.guard_errors = guard_errors and error_guard.guard_enabled()
        """On a bug, exit with a plain message and a log (the real dashboard) instead of
        Textual's traceback (the tests, and ECONDASH_DEBUG=1, see every exception)."""
        self.internal_errors: list[BaseException] = []
        self.exit_message: str | None = None  # what the guard printed when it ended the app
        self.set_reactive(EcondashApp.lang, lang or self.settings.lang)

    def _handle_exception(self, error: Exception) -> None:
        """Textual's handler of an exception escaping a message handler or worker (private:
        there is no public hook). By default it exits with a traceback; see
        `econdash.tui.error_guard` for what the dashboard does instead."""
        if not self.guard_errors:
            super()._handle_exception(error)
            return
        self.internal_errors.append(error)
        if len(self.internal_errors) > 1:
            return  # already exiting
        log = error_guard.log_error(error)
        from rich.text import Text
        self.exit_message = tr("internal_error", self.lang, error=error_guard.describe(error),
                               log=str(log) if log is not None else "-")
        self.exit(return_code=2, message=Text(self.exit_message, style="bold red"))

    @property
    def loaded(self) -> bool:
        """True once the dataset is in (or failed to load)."""
        return self.dataset is not None or self.load_error is not None

    @property
    def partial(self) -> bool:
        """True while the dataset shown is a preview of big tables' first rows."""
        return self.dataset is not None and self.dataset.partial

    @property
    def current_period(self) -> PeriodData | None:
        """The period on screen."""
        if self.dataset is None or not self.dataset.periods:
            return None
        index = min(max(self.period_index, 0), len(self.dataset.periods) - 1)
        return self.dataset.periods[index]

    def on_mount(self) -> None:
        self.call_after_refresh(gc.enable)  # `econdash` turns it off until the first frame
        if self.settings.theme in self.available_themes:
            self.theme = self.settings.theme
        if self._preloaded is not None:
            self.apply_dataset(self._preloaded)
            self._preloaded = None  # (held here, a reload could never free it)
        elif self._startup is not None and self._startup.loading is not None:
            # The whole load waits for the frame showing the preview (if there is one).
            self.call_after_refresh(self._startup.loading.head_shown.set)
            self._await_load(self._startup.loading)
        elif self._startup is not None:
            # The overview is drawn without the load (snapshot or report): load once that
            # frame is out.
            startup = self._startup
            self.call_after_refresh(lambda: self._await_load(startup.start_loading()))
        if self._watch and self.choice is not None:
            self.set_interval(self.RELOAD_SECONDS, self._poll_changes)
        if self.guard_errors:  # (the real dashboard, on a terminal)
            textual_fixes.exit_when_terminal_lost(self)

    def _show_head(self, head: Dataset) -> None:
        """Show the first rows of big tables (`Dataset.partial`) until the whole dataset is
        in."""
        from econdash.core.query.series import observations
        try:
            obs = observations(head)
        except Exception:  # noqa: BLE001 - only a preview: the whole load shows the data
            return
        self._set_dataset(head, keep_period=None, obs=obs)

    @work(thread=True, exclusive=True, group="load", exit_on_error=False)
    def _await_load(self, loading: Loading, reload: bool = False) -> None:
        """Wait (in a worker thread) for a load, then show its result."""
        path = loading.path
        try:
            stamp, dataset = loading.result()
            if self._startup is not None and self._startup.loading is loading:
                self._startup.loading = None  # it holds its result: let a reload free it
            from econdash.core.query.series import observations
            obs = None if reload else observations(dataset)  # a reload merges first
        except EcondashError as exc:
            self.call_from_thread(self._load_failed, exc, reload)
            return
        except Exception as exc:  # noqa: BLE001 - a bug must not reach the user as a traceback
            self.call_from_thread(self._load_failed, EcondashError(
                f"internal error while loading {path}: {exc.__class__.__name__}: {exc}"), reload)
            return
        if get_current_worker().is_cancelled:
            return  # a newer load started while this one ran: its result wins
        self._fingerprint = stamp
        if reload:
            self.call_from_thread(self.apply_reload, dataset)
        else:
            self.call_from_thread(self.apply_dataset, dataset, obs)
        # Once the data is on screen (nothing may compete with painting it): the snapshot
        # for the next start, and the summary of a big roster for section 5.
        self.call_from_thread(self.call_after_refresh, self._after_showing, stamp, dataset, obs)

    @work(thread=True, exclusive=True, group="after-load", exit_on_error=False)
    def _after_showing(self, stamp: Fingerprint, dataset: Dataset,
                       obs: pl.DataFrame | None) -> None:
        self._save_snapshot(stamp, dataset, obs)
        self._prewarm(dataset)

    def _save_snapshot(self, stamp: Fingerprint, dataset: Dataset,
                       obs: pl.DataFrame | None) -> None:
        """For the next start: the overview of the newest period, if the data is clean."""
        if self._startup is None or dataset.errors or not dataset.periods:
            return
        from econdash.core.query.series import observations
        obs = observations(dataset) if obs is None else obs
        data = overview_data(dataset, obs, len(dataset.periods) - 1)
        unchanged = (self._startup.from_snapshot and stamp == self._startup.stamp
                     and data == self._startup.preview)
        if data is not None and not unchanged:
            save_snapshot(self._startup.snapshot_path, stamp, data)

    def _prewarm(self, dataset: Dataset) -> None:
        """In the loading worker: summarise a big roster now, before section 5 is opened."""
        from econdash.tui.screens.enterprises import SUMMARY_INLINE_ROWS, roster_summary
        if dataset.periods and dataset.periods[-1].enterprises.height > SUMMARY_INLINE_ROWS:
            roster_summary(dataset.periods[-1], self.lang)

    @work(thread=True, exclusive=True, group="poll", exit_on_error=False)
    def _poll_changes(self) -> None:
        """Reload when a file of the dataset was added, removed or changed."""
        if self.choice is None or self._fingerprint is None:
            return
        current = fingerprint(self.choice.path)
        # A reload already under way for this state: starting another would cancel it,
        # and a dataset that takes longer to load than the polling interval would
        # never finish reloading.
        if current in (self._fingerprint, self._reloading):
            return
        self._reloading = current
        self.call_from_thread(self._await_load, Loading(self.choice.path), True)

    def apply_dataset(self, dataset: Dataset, obs: pl.DataFrame | None = None) -> None:
        """Show a loaded dataset (`obs`: its observations, if computed already); open the
        problems screen when it has errors. It replaces a preview in place (same period)."""
        keep = self.current_period.id if self.current_period and self.partial else None
        self._set_dataset(dataset, keep_period=keep, obs=obs)
        if dataset.errors or not (dataset.periods or dataset.series.height):
            self._push_problems()
        elif dataset.warnings:
            toast(self, tr("warnings_found", self.lang, count=len(dataset.warnings),
                           first=dataset.warnings[0]), severity="warning", timeout=8)

    def apply_reload(self, dataset: Dataset) -> None:
        """Show reloaded data, keeping the section, period, filters and selection."""
        if self.dataset is None:
            self.apply_dataset(dataset)
            return
        merged, errors = merge_reload(self.dataset, dataset)
        current = self.current_period.id if self.current_period else None
        self._set_dataset(merged, keep_period=current)
        if errors:
            toast(self, tr("reload_failed", self.lang, problem=errors[0]), severity="warning",
                  timeout=8)
        else:
            toast(self, tr("reloaded", self.lang), timeout=3)

    def _set_dataset(self, dataset: Dataset, keep_period: str | None,
                     obs: pl.DataFrame | None = None) -> None:
        from econdash.core.query.series import observations
        self.dataset = dataset
        self.observations = observations(dataset) if obs is None else obs
        self.load_error = None
        ids = [p.id for p in dataset.periods]
        index = ids.index(keep_period) if keep_period in ids else len(ids) - 1
        self.set_reactive(EcondashApp.period_index, max(index, 0))
        self.refresh_screen()
        if not dataset.partial:
            self.call_after_refresh(self._collect_and_freeze)

    @staticmethod
    def _collect_and_freeze() -> None:
        """Once loaded data is on screen: free what it replaced, then freeze the rest.

        The loaded data and the widgets mostly stay for the session: frozen, the collector
        does not rescan them on every typed key (pauses of 100 ms and more at 1M rows).
        But what a freeze holds is never collected: a replaced dataset sits in reference
        cycles (widgets, caches) of few Python objects and hundreds of MB of frames, so
        it is unfrozen and collected first (freezing on each reload without this kept
        every replaced dataset, ~70 MB each at 200k rows: hostile test F9).
        """
        gc.unfreeze()
        gc.collect()
        gc.freeze()

    def _load_failed(self, error: EcondashError, reload: bool) -> None:
        if reload and self.dataset is not None:
            toast(self, tr("reload_failed", self.lang, problem=error.message),
                        severity="warning", timeout=8)
            return
        self.apply_load_error(error)

    def apply_load_error(self, error: EcondashError) -> None:
        """The dataset could not be opened at all: say why."""
        self.load_error = error
        self.preview = None
        self.dataset = self.observations = None  # (a preview of its first rows, say)
        self.refresh_screen()
        self._push_problems()

    def _push_problems(self) -> None:
        from econdash.tui.screens.problems import ProblemsScreen
        self.push_screen(ProblemsScreen())

    def overview(self) -> OverviewData | None:
        """What the overview shows: the loaded period's, else the preview."""
        if self.dataset is None:
            return self.preview
        return overview_data(self.dataset, self.observations, self.period_index)

    def refresh_screen(self) -> None:
        """Rebuild whatever section is showing (hidden ones rebuild on resume)."""
        for screen in self.screen_stack:
            if hasattr(screen, "refresh_all") and screen.is_mounted:
                screen.refresh_all()

    def watch_period_index(self) -> None:
        self.refresh_screen()

    def watch_lang(self) -> None:
        self.refresh_bindings()
        self.refresh_screen()
        self._save_settings()

    def watch_theme(self) -> None:
        self._save_settings()

    def _save_settings(self) -> None:
        if not self.is_mounted:
            return
        self.settings = Settings(lang=self.lang, theme=self.theme,
                                 section=self.current_mode or "overview")
        save_settings(self._settings_file, self.settings)

    def action_section(self, name: str) -> None:
        """Show a section (keys 1-5, or a click on the top bar)."""
        if name in self.MODES and self.current_mode != name:
            self.switch_mode(name)
            self._save_settings()

    def action_prev_period(self) -> None:
        """Show the previous (older) period."""
        if self.period_index > 0:
            self.period_index -= 1
        else:
            self.bell()

    def action_next_period(self) -> None:
        """Show the next (newer) period."""
        if self.dataset and self.period_index < len(self.dataset.periods) - 1:
            self.period_index += 1
        else:
            self.bell()

    def jump_to(self, section: str, key: str) -> None:
        """Show `section` with the item `key` highlighted (from the command palette)."""
        self.action_section(section)
        self.call_after_refresh(self._reveal, key)

    def _reveal(self, key: str) -> None:
        reveal = getattr(self.screen, "reveal", None)
        if reveal is not None:
            reveal(key)

    def action_toggle_lang(self) -> None:
        """Switch Chinese / English."""
        self.lang = "en" if self.lang == "zh" else "zh"

    def action_help(self) -> None:
        """Show every key."""
        from econdash.tui.screens.help import HelpScreen
        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def action_compare(self) -> None:
        """Two periods side by side."""
        from econdash.tui.screens.compare import CompareScreen
        if self.dataset is not None and not isinstance(self.screen, CompareScreen):
            self.push_screen(CompareScreen())

    def action_export(self) -> None:
        """Export the rows the current table shows (key e)."""
        from econdash.core.output.brief import period_brief
        from econdash.tui.screens.export_dialog import ExportScreen
        from econdash.tui.widgets.frame_table import FrameTable
        tables = [t for t in self.screen.query(FrameTable) if t.display]
        if self.partial:
            toast(self, tr("still_reading", self.lang), severity="warning")
            return
        if not tables:
            toast(self, tr("nothing_to_export", self.lang), severity="warning")
            return
        table = next((t for t in tables if t.has_focus), tables[0])
        period = self.current_period
        section = self.current_mode or "table"
        stem = f"econdash-{section}-{period.id if period else 'data'}.csv"
        brief = period_brief(period, self.lang) if period and section == "indicators" else None
        # The data's own columns: not the display helpers sections add for sorting and showing.
        shown = [c for c in table.view_frame.columns
                 if not c.startswith("__") and c not in DISPLAY_HELPER_COLUMNS]
        title = f"{period.title(self.lang) if period else ''} {tr(section, self.lang)}".strip()
        self.push_screen(ExportScreen(table.view_frame.select(shown), Path.cwd() / stem,
                                      title=title, brief=brief))

    def action_problems(self) -> None:
        """Show problems found in the data."""
        from econdash.tui.screens.problems import ProblemsScreen
        if not isinstance(self.screen, ProblemsScreen):
            self.push_screen(ProblemsScreen())


def run_app(choice: DatasetChoice, lang: str | None = None,
            startup: Startup | None = None) -> int:
    """Run the dashboard until the user quits; returns the exit code."""
    from econdash.core.settings import settings_path
    app = EcondashApp(choice, lang=lang, settings_file=settings_path(), watch=True,
                      startup=startup, guard_errors=True)
    app.run()
    return app.return_code or 0
