"""Noticing that a dataset folder changed, and keeping the last good data.

`fingerprint` is cheap (a stat of each file two levels deep), so the app can
poll it every couple of seconds in a worker; the overview snapshot is valid only
for the fingerprint it was made from. `merge_reload` keeps a period
that loaded before but fails now (say, a file caught half-written).
"""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path

from econdash.core.errors import Problem
from econdash.core.model.dataset import Dataset

FileState = tuple[str, int, int, int, int]
"""(path, st_mtime_ns, st_size, st_ctime_ns, st_ino) of one file."""
Fingerprint = tuple[FileState, ...]


def fingerprint(root: Path) -> Fingerprint:
    """The state of every file in the dataset that econdash reads, sorted by path.

    Time and size alone miss a corrected file of the same size that keeps its time
    (cp -p, rsync -t, unzip, touch -r, a coarse-mtime file system). Its change time
    (set by the system on every write, rename or utime, never by a program) or its
    inode (a file replaced by another) tells.
    """
    found: list[FileState] = []
    for folder in [root, *_subfolders(root)]:
        try:
            entries = list(os.scandir(folder))
        except OSError:
            continue
        for entry in entries:
            if entry.name.startswith(".") or not entry.is_file():
                continue
            try:
                stat = entry.stat()
            except OSError:
                continue
            found.append((entry.path, stat.st_mtime_ns, stat.st_size, stat.st_ctime_ns,
                          stat.st_ino))
    return tuple(sorted(found))


def _subfolders(root: Path) -> list[Path]:
    try:
        return [Path(e.path) for e in os.scandir(root)
                if e.is_dir() and not e.name.startswith((".", "_"))]
    except OSError:
        return []


def merge_reload(old: Dataset, new: Dataset) -> tuple[Dataset, list[Problem]]:
    """The new dataset, plus old periods that now fail to load; and the errors why."""
    kept = [p for p in old.periods if new.period(p.id) is None
            and any(e.file.startswith(p.folder.name + "/") for e in new.errors)]
    if not kept:
        return new, list(new.errors)
    periods = sorted([*new.periods, *kept],
                     key=lambda p: (p.period.year, p.period.last_month, -p.period.first_month))
    return replace(new, periods=tuple(periods)), list(new.errors)
