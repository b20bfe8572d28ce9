"""Starting the dashboard: what to show first, and a load that starts at once.

Textual takes a few tenths of a second to import and start, and a big dataset
takes seconds to load. `begin` decides what the first frame shows:

- the overview, from a snapshot of an earlier load or (one period) straight from
  its report: the load starts once that frame is on screen;
- when a table file is big, the dataset with only the first rows of its tables
  (`read_head`, read here before Textual is imported, and marked as a preview on
  screen): the whole load starts once that frame is on screen;
- else the load starts at once, on a plain thread, while Textual is imported
  (polars releases the GIL while it reads, so the two overlap on two cores).

The snapshot: after every successful load the app writes the overview's cards
(`model.overview.Snapshot`) into the user's cache as JSON data (`econdash.core.cache`)
with the dataset's file fingerprint, valid only for the code that wrote them. The
next start draws the overview from it while the dataset loads in the background;
the loaded data then replaces it. Any change to a file of the dataset changes the
fingerprint, so a snapshot is never shown for data that has changed since.

Textual-free and polars-free at import.
"""

from __future__ import annotations

import threading
from concurrent.futures import Future
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from econdash.core.cache import cache_file, read_cache, write_cache
from econdash.core.model.overview import OverviewData, Snapshot
from econdash.core.query.quick_overview import quick_overview
from econdash.core.watch import Fingerprint, fingerprint

if TYPE_CHECKING:
    from econdash.core.model.dataset import Dataset


BIG_TABLE_BYTES = 8 * 1024 * 1024
"""A table file this big (about 40,000 roster rows) takes a few tenths of a second or more
to load: its first rows are shown first."""
HEAD_BYTES = 256 * 1024
"""How much of a big table the preview reads: about 1,200 rows, parsed in milliseconds."""
HEAD_SHOWN_WAIT = 1.0
"""Seconds the whole load waits for the preview's frame before it starts anyway."""
SNAPSHOT_FORMAT = 4
"""The snapshot's cache format: a new number whenever `Snapshot`'s fields change."""


def snapshot_file(cache: Path, root: Path) -> Path:
    """The snapshot of the dataset at `root` (one file per dataset folder)."""
    return cache_file(cache, "overview", root)


def save_snapshot(path: Path, stamp: Fingerprint, data: OverviewData) -> None:
    """Write the snapshot atomically; a cache that can't be written is not an error."""
    write_cache(path, SNAPSHOT_FORMAT, Snapshot(stamp, data))


def load_snapshot(path: Path, stamp: Fingerprint) -> OverviewData | None:
    """The snapshot if it was written by this code for exactly these files, else None."""
    saved = read_cache(path, SNAPSHOT_FORMAT, Snapshot)
    return saved.overview if saved is not None and saved.files == stamp else None


class Loading:
    """A dataset load on its own thread; `result()` waits for it (and re-raises).

    With a `head` (a preview of the dataset, see `read_head`), the load starts once the
    app has shown the head and calls `head_shown.set()`, so the two don't compete.
    Parsed reports are kept in `cache` (default: the user cache folder) for the next load.
    """

    def __init__(self, path: Path, head: Dataset | None = None,
                 cache: Path | None = None) -> None:
        self.path = path
        self._cache = cache
        self.head = head
        self.head_shown = threading.Event()
        if head is None:
            self.head_shown.set()
        self._future: Future[tuple[Fingerprint, Dataset]] = Future()
        threading.Thread(target=self._run, name="econdash-load", daemon=True).start()

    def _run(self) -> None:
        try:
            self.head_shown.wait(HEAD_SHOWN_WAIT)
            stamp = fingerprint(self.path)  # before reading: a change while loading reloads
            from econdash.core.loaders.dataset import load_dataset
            from econdash.core.paths import user_cache_root
            cache = self._cache or user_cache_root()
            self._future.set_result((stamp, load_dataset(self.path, report_cache=cache)))
        except BaseException as exc:  # noqa: BLE001 - handed to whoever waits for it
            self._future.set_exception(exc)

    def result(self) -> tuple[Fingerprint, Dataset]:
        """The files' fingerprint as loaded, and the dataset; raises what loading raised."""
        return self._future.result()


def biggest_table(stamp: Fingerprint) -> int:
    """Bytes of the biggest CSV file in a dataset's fingerprint."""
    return max((size for name, _, size, *_ in stamp if name.lower().endswith(".csv")),
               default=0)


def read_head(path: Path, stamp: Fingerprint | None = None,
              cache: Path | None = None) -> Dataset | None:
    """When a table of the dataset is big: the dataset with only its tables' first rows
    (`Dataset.partial`), if that reads cleanly (else the whole load says what is wrong).
    Parsed reports are kept in `cache`, as for the whole load."""
    if biggest_table(fingerprint(path) if stamp is None else stamp) < BIG_TABLE_BYTES:
        return None
    from econdash.core.loaders.dataset import load_dataset
    try:
        head = load_dataset(path, head_bytes=HEAD_BYTES, report_cache=cache)
    except Exception:  # noqa: BLE001 - the whole load reports the same problem properly
        return None
    return head if head.periods and not head.errors else None


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
            self.loading = Loading(self.path, cache=self.snapshot_path.parent)
        return self.loading


def begin(path: Path, section: str, cache: Path | None = None) -> Startup:
    """When the overview opens first, its preview: the snapshot, else (one period) the
    report read directly. Without a preview, the load starts now; when a table is big,
    its first rows are read first (here: before Textual's import, which would compete
    with it), and the load waits until the app has shown them."""
    from econdash.core.paths import user_cache_root
    cache = cache or user_cache_root()
    snapshot = snapshot_file(cache, path)
    stamp: Fingerprint = ()
    preview, from_snapshot = None, False
    if section == "overview":
        stamp = fingerprint(path)
        preview = load_snapshot(snapshot, stamp)
        from_snapshot = preview is not None
        if preview is None:
            preview = quick_overview(path)
    startup = Startup(path, snapshot, preview, None, stamp, from_snapshot)
    if preview is None:
        startup.loading = Loading(path, read_head(path, stamp or None, cache), cache)
    return startup
