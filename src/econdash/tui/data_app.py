"""An App that holds the dashboard's data and shows what its data source reports.

`EcondashApp` builds on it (keys, sections, settings). Here: the state the screens
read (`tui.state.DashboardState`: language, period, dataset, preview), and how a
load, a reload or a failed load changes it. The data source (`tui.data_source`)
does the loading in worker threads and reports with messages.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.reactive import reactive
from textual.screen import Screen

from econdash.core.errors import EcondashError
from econdash.core.i18n import tr
from econdash.core.loaders.reload import merge_reload
from econdash.core.model.dataset import opening_index
from econdash.core.model.overview import OverviewData
from econdash.core.query.overview import overview_data
from econdash.core.startup import Startup
from econdash.tui import memory
from econdash.tui.data_source import DataSource
from econdash.tui.guarded_app import GuardedApp
from econdash.tui.messages import DatasetLoaded, LoadFailed
from econdash.tui.text import toast

if TYPE_CHECKING:
    import polars as pl

    from econdash.core.model.dataset import Dataset, PeriodData
    from econdash.core.paths import DatasetChoice


class DataApp(GuardedApp):
    """The dashboard's data: what is loaded, which period is shown, in which language."""

    lang: reactive[str] = reactive("zh")
    """Interface language: 'zh' or 'en'."""
    period_index: reactive[int] = reactive(0)
    """Index of the period shown, in `dataset.periods` (oldest first)."""

    def __init__(self, choice: DatasetChoice | None, startup: Startup | None,
                 guard_errors: bool) -> None:
        super().__init__(guard_errors)
        self.choice = choice
        self.dataset: Dataset | None = None
        self.observations: pl.DataFrame | None = None
        self.load_error: EcondashError | None = None
        self.source = DataSource(self, choice, startup)
        self.preview: OverviewData | None = startup.preview if startup else None
        """The overview from a snapshot or the report (`core.startup.begin`), shown until the
        dataset has loaded."""

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
        return self.dataset.periods[min(max(self.period_index, 0), len(self.dataset.periods) - 1)]

    def _show_head(self, head: Dataset) -> None:
        from econdash.core.query.series import observations
        try:
            obs = observations(head)
        except Exception:  # noqa: BLE001 - only a preview: the whole load shows the data
            return
        self._set_dataset(head, keep_period=None, obs=obs)

    def on_dataset_loaded(self, message: DatasetLoaded) -> None:
        if message.reload:
            self.apply_reload(message.dataset)
        else:
            self.apply_dataset(message.dataset, message.observations)
        # Once the data is on screen: nothing may compete with painting it.
        self.call_after_refresh(self.source.after_showing, message.stamp, message.dataset,
                                message.observations, self.lang)

    def on_load_failed(self, message: LoadFailed) -> None:
        if message.reload and self.dataset is not None:
            toast(self, tr("reload_failed", self.lang, problem=message.error.message),
                  severity="warning", timeout=8)
        else:
            self.apply_load_error(message.error)

    def apply_dataset(self, dataset: Dataset, obs: pl.DataFrame | None = None) -> None:
        """Show a loaded dataset (`obs`: its observations, if computed already); open the
        problems screen when it has errors. It replaces a preview in place (same period)."""
        keep = self.current_period.id if self.current_period and self.partial else None
        self._set_dataset(dataset, keep_period=keep, obs=obs)
        if dataset.errors or not (dataset.periods or dataset.series.height):
            self.action_problems()
        elif dataset.warnings:
            toast(self, tr("warnings_found", self.lang, count=len(dataset.warnings),
                           first=dataset.warnings[0]), severity="warning", timeout=8)

    def apply_reload(self, dataset: Dataset) -> None:
        """Show reloaded data, keeping the section, period, filters and selection."""
        if self.dataset is None:
            self.apply_dataset(dataset)
            return
        merged, errors = merge_reload(self.dataset, dataset)
        self._set_dataset(merged, keep_period=self.current_period.id if self.current_period
                          else None)
        if errors:
            toast(self, tr("reload_failed", self.lang, problem=errors[0]), severity="warning",
                  timeout=8)
        else:
            toast(self, tr("reloaded", self.lang), timeout=3)

    def _set_dataset(self, dataset: Dataset, keep_period: str | None,
                     obs: pl.DataFrame | None = None) -> None:
        from econdash.core.query.series import observations
        self.dataset, self.load_error = dataset, None
        self.observations = observations(dataset) if obs is None else obs
        ids = [p.id for p in dataset.periods]
        # (opens on the newest final period: a draft waits for review, see opening_index)
        index = ids.index(keep_period) if keep_period in ids else opening_index(dataset.periods)
        self.set_reactive(DataApp.period_index, max(index, 0))
        self.refresh_screen()
        if not dataset.partial:
            self.call_after_refresh(memory.collect_and_freeze)

    def apply_load_error(self, error: EcondashError) -> None:
        """The dataset could not be opened at all: say why."""
        self.load_error, self.preview = error, None
        self.dataset = self.observations = None  # (a preview of its first rows, say)
        self.refresh_screen()
        self.action_problems()

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

    def action_problems(self) -> None:
        """Show problems found in the data (key !; by itself when data has errors)."""
        from econdash.tui.screens.problems import ProblemsScreen
        self._open_once(ProblemsScreen)

    def _open_once(self, screen: type[Screen]) -> None:
        if not isinstance(self.screen, screen):
            self.push_screen(screen())
