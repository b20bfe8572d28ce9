"""Where the dashboard's data comes from, apart from the App that shows it.

The first load (started before Textual was imported, see `core.startup`), live
reloads when a file of the dataset changes, and the work done once data is on
screen (the overview snapshot for the next start, a big roster's summary). It
runs in the App's worker threads and reports with messages (`tui.messages`):
the App only shows what it is told.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.worker import get_current_worker

from econdash.core.errors import EcondashError
from econdash.core.model.dataset import opening_index
from econdash.core.query.overview import overview_data
from econdash.core.startup import Loading, Startup, save_snapshot
from econdash.core.watch import Fingerprint, fingerprint
from econdash.tui.messages import DatasetLoaded, LoadFailed

if TYPE_CHECKING:
    import polars as pl
    from textual.app import App

    from econdash.core.model.dataset import Dataset
    from econdash.core.paths import DatasetChoice


class DataSource:
    """The loads of one dataset for one App."""

    def __init__(self, app: App, choice: DatasetChoice | None,
                 startup: Startup | None) -> None:
        self._app, self.choice, self._startup = app, choice, startup
        self._fingerprint: Fingerprint | None = None  # of the files shown
        self._reloading: Fingerprint | None = None  # what a reload under way is loading

    def head(self) -> Dataset | None:
        """The first rows of big tables, to show until the whole dataset is in."""
        loading = self._startup.loading if self._startup else None
        return loading.head if loading is not None else None

    def start(self) -> None:
        """Once the App is mounted: wait for the load, after the first frame if that frame
        shows a preview (the load must not compete with painting it)."""
        startup = self._startup
        if startup is None:
            return
        if startup.loading is not None:
            self._app.call_after_refresh(startup.loading.head_shown.set)
            self._wait(startup.loading, reload=False)
        else:  # the overview is drawn from a snapshot or the report: load after it
            self._app.call_after_refresh(lambda: self._wait(startup.start_loading(), False))

    def reload(self) -> None:
        """Reload now (after the app itself changed a file, e.g. a draft made final)."""
        root = self.choice.path if self.choice is not None else getattr(
            getattr(self._app, "dataset", None), "root", None)
        if root is not None:
            self._wait(Loading(root), True)

    def watch(self, seconds: float) -> None:
        """Reload whenever a file of the dataset is added, removed or changed."""
        if self.choice is not None:
            self._app.set_interval(seconds, self._poll)

    def _poll(self) -> None:
        self._app.run_worker(self._check_files, thread=True, exclusive=True, group="poll",
                             exit_on_error=False)

    def _check_files(self) -> None:
        if self.choice is None or self._fingerprint is None:
            return
        current = fingerprint(self.choice.path)
        # A reload already under way for this state: starting another would cancel it,
        # and a dataset that takes longer to load than the polling interval would never
        # finish reloading.
        if current in (self._fingerprint, self._reloading):
            return
        self._reloading = current
        self._app.call_from_thread(self._wait, Loading(self.choice.path), True)

    def _wait(self, loading: Loading, reload: bool) -> None:
        self._app.run_worker(lambda: self._result(loading, reload), thread=True,
                             exclusive=True, group="load", exit_on_error=False)

    def _result(self, loading: Loading, reload: bool) -> None:
        """In a worker: wait for the load, then post what it gave."""
        try:
            stamp, dataset = loading.result()
            if self._startup is not None and self._startup.loading is loading:
                self._startup.loading = None  # it holds its result: let a reload free it
            from econdash.core.query.series import observations
            obs = None if reload else observations(dataset)  # a reload merges first
        except EcondashError as exc:
            self._app.post_message(LoadFailed(exc, reload))
            return
        except Exception as exc:  # noqa: BLE001 - a bug must not reach the user as a traceback
            self._app.post_message(LoadFailed(EcondashError(
                f"internal error while loading {loading.path}: {type(exc).__name__}: {exc}"),
                reload))
            return
        if get_current_worker().is_cancelled:
            return  # a newer load started while this one ran: its result wins
        self._fingerprint = stamp
        self._app.post_message(DatasetLoaded(dataset, obs, reload, stamp))

    def after_showing(self, stamp: Fingerprint, dataset: Dataset,
                      obs: pl.DataFrame | None, lang: str) -> None:
        """Once loaded data is on screen: the snapshot for the next start, and a big
        roster's summary before section 5 is opened."""
        def work() -> None:
            self._save_snapshot(stamp, dataset, obs)
            self._prewarm(dataset, lang)
        self._app.run_worker(work, thread=True, exclusive=True, group="after-load",
                             exit_on_error=False)

    def _save_snapshot(self, stamp: Fingerprint, dataset: Dataset,
                       obs: pl.DataFrame | None) -> None:
        """The overview of the newest period, if the data is clean and it changed."""
        startup = self._startup
        if startup is None or dataset.errors or not dataset.periods:
            return
        from econdash.core.query.series import observations
        obs = observations(dataset) if obs is None else obs
        data = overview_data(dataset, obs, opening_index(dataset.periods))
        unchanged = (startup.from_snapshot and stamp == startup.stamp
                     and data == startup.preview)
        if data is not None and not unchanged:
            save_snapshot(startup.snapshot_path, stamp, data)

    @staticmethod
    def _prewarm(dataset: Dataset, lang: str) -> None:
        from econdash.core.query.roster import SUMMARY_INLINE_ROWS, roster_summary
        if dataset.periods and dataset.periods[-1].enterprises.height > SUMMARY_INLINE_ROWS:
            roster_summary(dataset.periods[-1], lang)
