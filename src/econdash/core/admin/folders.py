"""A dataset's staging folders and backups: copies staged in hidden folders beside the
periods, old copies moved aside into `.backup/`, leftovers of a killed import removed.

The atomic file writes these build on are in core/fs.py.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import uuid
from pathlib import Path

from econdash.core.admin.staging import Plan, copy_plan, plan_folder
from econdash.core.errors import EcondashError, Problem
from econdash.core.fs import BACKUP_DIR, TEMP_PREFIX


def copy_folder_atomically(source: Path, target: Path) -> None:
    """Copy `source` to `target` (which must not exist) via a hidden temporary folder.

    Only regular files and folders are copied (see `staging`); errors name `target`,
    never the temporary folder.
    """
    if target.exists():
        raise EcondashError(f"{target} already exists")
    temp = stage_copy(source, target.parent, target.name)
    try:
        os.rename(temp, target)
    except OSError as exc:
        shutil.rmtree(temp, ignore_errors=True)
        raise EcondashError(f"cannot create {target}: {exc.strerror or exc}") from None
    except BaseException:
        shutil.rmtree(temp, ignore_errors=True)
        raise


def stage_copy(source: Path, parent: Path, name: str) -> Path:
    """Copy `source` into a hidden temporary folder in `parent` (never loaded as a period).

    Refuses (EcondashError, one problem per entry) links leading outside `source`,
    dangling or looping links and special files, before writing anything.
    """
    problems: list[Problem] = []
    plan = plan_folder(source, str(source), source, problems)
    if problems:
        raise EcondashError(f"{source} holds entries that cannot be copied; nothing was "
                            "copied", problems)
    return stage_plan(plan, parent, name)


def stage_plan(plan: Plan, parent: Path, name: str) -> Path:
    """Copy a checked `staging.Plan` into a new hidden temporary folder in `parent`."""
    try:
        parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise EcondashError(f"cannot create {parent}: {exc.strerror or exc}") from None
    temp = staging_path(parent, name)
    try:
        copy_plan(plan, temp, name)
    except BaseException:
        shutil.rmtree(temp, ignore_errors=True)
        raise
    return temp


def staging_path(parent: Path, name: str) -> Path:
    """A new hidden staging name in `parent` for `name` (not created)."""
    return parent / f"{TEMP_PREFIX}{name}-{uuid.uuid4().hex[:8]}"


def unique_backup_path(dataset_root: Path, name: str, suffix: str = "") -> Path:
    """A free `.backup/NAME-YYYYmmdd-HHMMSS[-n]SUFFIX` path (not created)."""
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    backup = dataset_root / BACKUP_DIR / f"{name}-{stamp}{suffix}"
    count = 1
    while os.path.lexists(backup):
        backup = backup.with_name(f"{name}-{stamp}-{count}{suffix}")
        count += 1
    return backup


def backup_folder(folder: Path, dataset_root: Path) -> Path:
    """Move a period folder aside into `.backup/NAME-YYYYmmdd-HHMMSS` (a rename: atomic)."""
    backup = unique_backup_path(dataset_root, folder.name)
    backup.parent.mkdir(parents=True, exist_ok=True)
    os.rename(folder, backup)
    return backup


def check_backup_writable(dataset_root: Path) -> None:
    """Refuse a replace up front when `.backup/` cannot take the old copies.

    Tries it (a probe folder, removed at once) rather than reading mode bits, so
    the answer is right for any user, root included.
    """
    backup_dir = dataset_root / BACKUP_DIR
    try:
        backup_dir.mkdir(exist_ok=True)
        probe = staging_path(backup_dir, "probe")
        probe.mkdir()
        probe.rmdir()
    except OSError as exc:
        raise EcondashError(f"cannot write to {backup_dir}, where --replace keeps the old "
                            f"copies: {exc.strerror or exc}; make it writable (or move it "
                            "away) and run this again (nothing was imported)") from None


def backup_usage(dataset_root: Path) -> tuple[int, int]:
    """(old copies kept in `.backup/`, their total bytes); (0, 0) without one."""
    try:
        copies = list(os.scandir(dataset_root / BACKUP_DIR))
    except OSError:
        return 0, 0
    return len(copies), sum(_tree_bytes(Path(entry.path)) for entry in copies)


def _tree_bytes(path: Path) -> int:
    total = 0
    try:
        info = path.lstat()
    except OSError:
        return 0
    total += info.st_size
    if path.is_dir() and not path.is_symlink():
        try:
            children = list(os.scandir(path))
        except OSError:
            return total
        total += sum(_tree_bytes(Path(child.path)) for child in children)
    return total


def remove_stale_temporaries(dataset_root: Path) -> None:
    """Leftovers of an import that was killed: hidden, never loaded, safe to delete.

    Call only while holding the dataset lock (`dataset_lock`), after
    `placing.finish_interrupted`: then no import is running and any journaled
    staging entry has been placed, so what is left is a copy of some source, made
    by an import killed while copying (before it wrote its journal).
    """
    if not dataset_root.is_dir():
        return
    for leftover in dataset_root.glob(f"{TEMP_PREFIX}*"):
        if leftover.is_dir() and not leftover.is_symlink():
            shutil.rmtree(leftover, ignore_errors=True)
        else:
            leftover.unlink(missing_ok=True)
