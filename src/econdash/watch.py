"""Noticing that a dataset folder changed, and keeping the last good data.

`fingerprint` is cheap (a stat of each file two levels deep), so the app can
poll it every couple of seconds in a worker. `merge_reload` keeps a period
that loaded before but fails now (say, a file caught half-written).
"""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path

from econdash.errors import Problem
from econdash.model.dataset import Dataset

Fingerprint = tuple[tuple[str, int, int], ...]


def fingerprint(root: Path) -> Fingerprint:
    """(path, mtime, size) of every file in the dataset that econdash reads."""
    found: list[tuple[str, int, int]] = []
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
            found.append((entry.path, stat.st_mtime_ns, stat.st_size))
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
