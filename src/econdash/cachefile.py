"""Pickled caches in the user cache folder, valid only for the code that wrote them.

The overview snapshot and the parsed-report cache are each one pickle per dataset
folder. A cache file holds the stamp of the code that wrote it (econdash's version
and the size and time of the modules whose objects it pickles, since a development
checkout changes code without changing the version); any other stamp, or a file
that can't be read, is simply not used. A cache that can't be written is not an
error either. Textual-free and polars-free.
"""

from __future__ import annotations

import pickle
import zlib
from pathlib import Path
from typing import Any

from econdash import __version__

PACKAGE = Path(__file__).resolve().parent


def cache_file(cache: Path, kind: str, root: Path) -> Path:
    """The `kind` cache of the dataset at `root` (one file per dataset folder)."""
    # (crc32, not hashlib: it is imported before the first frame and OpenSSL costs more.
    # Two folders sharing a name only share a file: the stamps inside tell them apart.)
    digest = zlib.crc32(str(root.resolve()).encode("utf-8"))
    return cache / f"{kind}-{digest:08x}.pickle"


def code_stamp(version: int, modules: tuple[str, ...]) -> tuple:
    """The cache format `version`, econdash's version, and the modules' sizes and times
    (paths relative to the econdash package)."""
    stamps: list[tuple[int, int]] = []
    for name in modules:
        try:
            stat = (PACKAGE / name).stat()
        except OSError:
            return (version, __version__)
        stamps.append((stat.st_mtime_ns, stat.st_size))
    return (version, __version__, tuple(stamps))


def write_cache(path: Path, code: tuple, payload: Any) -> None:
    """Write `payload` under `code` atomically; failing to is not an error."""
    from econdash.store import atomic_write_bytes
    try:
        atomic_write_bytes(path, pickle.dumps((code, payload), protocol=pickle.HIGHEST_PROTOCOL))
    except (OSError, pickle.PicklingError):
        pass


def read_cache(path: Path, code: tuple) -> Any | None:
    """The payload written under exactly `code`, else None."""
    try:
        saved_code, payload = pickle.loads(path.read_bytes())
    except Exception:  # noqa: BLE001 - missing, unreadable or foreign: just not used
        return None
    return payload if saved_code == code else None
