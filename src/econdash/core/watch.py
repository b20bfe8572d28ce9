"""Noticing that a dataset folder changed.

`fingerprint` is cheap (a stat of each file two levels deep), so the app can
poll it every couple of seconds in a worker; the overview snapshot is valid only
for the fingerprint it was made from. What a reload keeps of the last good data is
`econdash.core.loaders.reload`. Stdlib only (the first frame needs it).
"""

from __future__ import annotations

import os
from pathlib import Path

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

