"""Writing to the user's dataset safely: every write is atomic.

Files are written to a temporary name in the same folder and renamed over;
folders are copied to a hidden temporary folder and renamed into place, so
an import killed halfway leaves the dataset as it was. Replaced periods are
kept under `.backup/`. Files a user wrote are never rewritten.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import tempfile
import uuid
from pathlib import Path

from econdash.errors import EcondashError

BACKUP_DIR = ".backup"
TEMP_PREFIX = ".incoming-"


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Write `data` to `path` so that readers see the old or the new file, never half."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        # mkstemp makes the file private (0600); give it the usual permissions instead.
        os.fchmod(fd, 0o666 & ~_umask())
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def atomic_write_text(path: Path, text: str) -> None:
    """UTF-8 text, atomically."""
    atomic_write_bytes(path, text.encode("utf-8"))


def copy_folder_atomically(source: Path, target: Path) -> None:
    """Copy `source` to `target` (which must not exist) via a hidden temporary folder."""
    if target.exists():
        raise EcondashError(f"{target} already exists")
    temp = stage_copy(source, target.parent, target.name)
    try:
        os.rename(temp, target)
    except BaseException:
        shutil.rmtree(temp, ignore_errors=True)
        raise


def stage_copy(source: Path, parent: Path, name: str) -> Path:
    """Copy `source` into a hidden temporary folder in `parent` (never loaded as a period)."""
    parent.mkdir(parents=True, exist_ok=True)
    temp = parent / f"{TEMP_PREFIX}{name}-{uuid.uuid4().hex[:8]}"
    try:
        shutil.copytree(source, temp, ignore=shutil.ignore_patterns(".*", "__pycache__"))
    except BaseException:
        shutil.rmtree(temp, ignore_errors=True)
        raise
    return temp


def backup_folder(folder: Path, dataset_root: Path) -> Path:
    """Move a period folder aside into `.backup/NAME-YYYYmmdd-HHMMSS` (a rename: atomic)."""
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    backup = dataset_root / BACKUP_DIR / f"{folder.name}-{stamp}"
    backup.parent.mkdir(parents=True, exist_ok=True)
    suffix = 1
    while backup.exists():
        backup = backup.with_name(f"{folder.name}-{stamp}-{suffix}")
        suffix += 1
    os.rename(folder, backup)
    return backup


def remove_stale_temporaries(dataset_root: Path) -> None:
    """Leftovers of an import that was killed: hidden, never loaded, safe to delete."""
    if not dataset_root.is_dir():
        return
    for leftover in dataset_root.glob(f"{TEMP_PREFIX}*"):
        shutil.rmtree(leftover, ignore_errors=True)
