"""The econdash App: sections as modes, global keys, and the loading worker.

The app is built from a `DatasetChoice` (loaded in a thread worker so the
first frame appears at once) or from a ready `Dataset` (tests). Screens read
`dataset`, `current_period` and `lang` from here and only display.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import polars as pl
from textual import work
from textual.app import App
from textual.binding import Binding
from textual.reactive import reactive

from econdash.commands import JumpProvider
from econdash.errors import EcondashError
from econdash.keys import footer_label
from econdash.model.dataset import Dataset, PeriodData
from econdash.paths import DatasetChoice
from econdash.screens.enterprises import EnterprisesScreen
from econdash.screens.growth import GrowthScreen
from econdash.screens.help import HelpScreen
from econdash.screens.indicators import IndicatorsScreen
from econdash.screens.overview import OverviewScreen
from econdash.screens.problems import ProblemsScreen
from econdash.screens.projects import ProjectsScreen


class EcondashApp(App):
    """The dashboard."""

    CSS_PATH = "styles/app.tcss"
    TITLE = "econdash"
    MODES = {
        "overview": OverviewScreen,
        "indicators": IndicatorsScreen,
        "growth": GrowthScreen,
        "projects": ProjectsScreen,
        "enterprises": EnterprisesScreen,
    }
    DEFAULT_MODE = "overview"
    COMMANDS = App.COMMANDS | {JumpProvider}
    BINDINGS = [
        Binding("1", "section('overview')", "Overview", show=False),
        Binding("2", "section('indicators')", "Indicators", show=False),
        Binding("3", "section('growth')", "Growth", show=False),
        Binding("4", "section('projects')", "Projects", show=False),
        Binding("5", "section('enterprises')", "Enterprises", show=False),
        Binding("left_square_bracket", "prev_period", "Prev period"),
        Binding("right_square_bracket", "next_period", "Next period"),
        Binding("l", "toggle_lang", "English"),
        Binding("exclamation_mark", "problems", "Problems", show=False),
        Binding("question_mark", "help", "Help"),
        Binding("q", "quit", "Quit"),
    ]

    lang: reactive[str] = reactive("zh")
    """Interface language: 'zh' or 'en'."""
    period_index: reactive[int] = reactive(0)
    """Index of the period shown, in `dataset.periods` (oldest first)."""

    def __init__(self, choice: DatasetChoice | None = None, *, dataset: Dataset | None = None,
                 lang: str = "zh") -> None:
        super().__init__()
        self.choice = choice
        self.dataset: Dataset | None = None
        self.observations: pl.DataFrame | None = None
        self.load_error: EcondashError | None = None
        self._preloaded = dataset
        self.set_reactive(EcondashApp.lang, lang)

    @property
    def loaded(self) -> bool:
        """True once the dataset is in (or failed to load)."""
        return self.dataset is not None or self.load_error is not None

    @property
    def current_period(self) -> PeriodData | None:
        """The period on screen."""
        if self.dataset is None or not self.dataset.periods:
            return None
        index = min(max(self.period_index, 0), len(self.dataset.periods) - 1)
        return self.dataset.periods[index]

    def on_mount(self) -> None:
        self._localize_bindings()
        if self._preloaded is not None:
            self.apply_dataset(self._preloaded)
        elif self.choice is not None:
            self._load(self.choice.path)

    @work(thread=True, exclusive=True, group="load", exit_on_error=False)
    def _load(self, path: Path) -> None:
        from econdash.loaders import load_dataset
        try:
            dataset = load_dataset(path)
        except EcondashError as exc:
            self.call_from_thread(self.apply_load_error, exc)
            return
        except Exception as exc:  # noqa: BLE001 - a bug must not reach the user as a traceback
            self.call_from_thread(self.apply_load_error, EcondashError(
                f"internal error while loading {path}: {exc.__class__.__name__}: {exc}"))
            return
        self.call_from_thread(self.apply_dataset, dataset)

    def apply_dataset(self, dataset: Dataset) -> None:
        """Show a loaded dataset; open the problems screen when it has errors."""
        from econdash.query import observations
        self.dataset = dataset
        self.observations = observations(dataset)
        self.load_error = None
        self.set_reactive(EcondashApp.period_index, max(len(dataset.periods) - 1, 0))
        self.refresh_screen()
        if dataset.errors or not dataset.periods:
            self.push_screen(ProblemsScreen())

    def apply_load_error(self, error: EcondashError) -> None:
        """The dataset could not be opened at all: say why."""
        self.load_error = error
        self.refresh_screen()
        self.push_screen(ProblemsScreen())

    def refresh_screen(self) -> None:
        """Rebuild whatever section is showing (hidden ones rebuild on resume)."""
        for screen in self.screen_stack:
            if hasattr(screen, "refresh_all") and screen.is_mounted:
                screen.refresh_all()

    def watch_period_index(self) -> None:
        self.refresh_screen()

    def watch_lang(self) -> None:
        self._localize_bindings()
        self.refresh_screen()

    def action_section(self, name: str) -> None:
        """Show a section (keys 1-5, or a click on the top bar)."""
        if name in self.MODES and self.current_mode != name:
            self.switch_mode(name)

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
        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def action_problems(self) -> None:
        """Show problems found in the data."""
        if not isinstance(self.screen, ProblemsScreen):
            self.push_screen(ProblemsScreen())

    def _localize_bindings(self) -> None:
        """Footer labels in the current language (bindings are frozen: replace them)."""
        nodes = [self, *self.screen_stack]
        for screen in self.screen_stack:
            nodes.extend(screen.query("*"))
        for node in nodes:
            bindings_map = getattr(node, "_bindings", None)
            if bindings_map is None:
                continue
            for key, bindings in bindings_map.key_to_bindings.items():
                bindings_map.key_to_bindings[key] = [
                    dataclasses.replace(b, description=label)
                    if (label := footer_label(b.action, self.lang)) else b
                    for b in bindings
                ]
        self.refresh_bindings()


def run_app(choice: DatasetChoice, lang: str | None = None) -> int:
    """Run the dashboard until the user quits; returns the exit code."""
    app = EcondashApp(choice, lang=lang or "zh")
    app.run()
    return app.return_code or 0
