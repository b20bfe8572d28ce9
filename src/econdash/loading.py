"""Starting the dashboard: what to show first, and a load that starts at once.

Textual takes a few tenths of a second to import and start, and a big dataset
takes seconds to load. `begin` starts the load on a plain thread before Textual
is even imported (polars releases the GIL while it reads, so the two overlap on
two cores), unless the first screen can be drawn without the load: from a
snapshot of the overview, or for a one-period dataset from its report. Then the
load waits until that first frame is on screen, so nothing competes with it.
Textual-free and polars-free at import.
"""

from __future__ import annotations

import threading
from concurrent.futures import Future
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from econdash.overview_data import OverviewData, load_snapshot, quick_overview, snapshot_file
from econdash.watch import Fingerprint, fingerprint

if TYPE_CHECKING:
    from econdash.model.dataset import Dataset


class Loading:
    """A dataset load on its own thread; `result()` waits for it (and re-raises)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._future: Future[tuple[Fingerprint, Dataset]] = Future()
        threading.Thread(target=self._run, name="econdash-load", daemon=True).start()

    def _run(self) -> None:
        try:
            stamp = fingerprint(self.path)  # before reading: a change while loading reloads
            from econdash.loaders import load_dataset
            self._future.set_result((stamp, load_dataset(self.path)))
        except BaseException as exc:  # noqa: BLE001 - handed to whoever waits for it
            self._future.set_exception(exc)

    def result(self) -> tuple[Fingerprint, "Dataset"]:
        """The files' fingerprint as loaded, and the dataset; raises what loading raised."""
        return self._future.result()


@dataclass
class Startup:
    """The snapshot to draw the overview from (if any) and the load (None = not yet)."""

    path: Path
    snapshot_path: Path
    preview: OverviewData | None
    loading: Loading | None
    stamp: Fingerprint = ()  # the files' fingerprint when the snapshot was read
    from_snapshot: bool = False  # (else the preview, if any, was read from the report)

    def start_loading(self) -> Loading:
        """The load, started now if it wasn't yet."""
        if self.loading is None:
            self.loading = Loading(self.path)
        return self.loading


def begin(path: Path, section: str, cache: Path | None = None) -> Startup:
    """When the overview opens first, its preview: the snapshot, else (one period) the
    report read directly. Without a preview, the load starts now."""
    from econdash.paths import user_cache_root
    snapshot = snapshot_file(cache or user_cache_root(), path)
    stamp, preview, from_snapshot = (), None, False
    if section == "overview":
        stamp = fingerprint(path)
        preview = load_snapshot(snapshot, stamp)
        from_snapshot = preview is not None
        if preview is None:
            preview = quick_overview(path)
    startup = Startup(path, snapshot, preview, None, stamp, from_snapshot)
    if preview is None:
        startup.start_loading()
    return startup
