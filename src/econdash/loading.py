"""Starting the dashboard: what to show first, and a load that starts at once.

Textual takes a few tenths of a second to import and start, and a big dataset
takes seconds to load. `begin` starts the load on a plain thread before Textual
is even imported (polars releases the GIL while it reads, so the two overlap on
two cores), unless the first screen can be drawn from a snapshot of the
overview: then the load waits until that first frame is on screen, so nothing
competes with it. Textual-free and polars-free at import.
"""

from __future__ import annotations

import threading
from concurrent.futures import Future
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from econdash.overview_data import OverviewData, load_snapshot, snapshot_file
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

    def start_loading(self) -> Loading:
        """The load, started now if it wasn't yet."""
        if self.loading is None:
            self.loading = Loading(self.path)
        return self.loading


def begin(path: Path, section: str, cache: Path | None = None) -> Startup:
    """Read the overview snapshot when the overview opens first; else start loading now."""
    from econdash.paths import user_cache_root
    snapshot = snapshot_file(cache or user_cache_root(), path)
    stamp = fingerprint(path) if section == "overview" else ()
    preview = load_snapshot(snapshot, stamp) if section == "overview" else None
    startup = Startup(path, snapshot, preview, None, stamp)
    if preview is None:
        startup.start_loading()
    return startup
