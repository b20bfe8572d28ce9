"""One writer at a time per dataset: an exclusive lock on a hidden file in its folder.

Every command that writes to a dataset (`init`, `import`, `new-period`) holds
`dataset_lock(root)` for as long as it writes. A second writer does not wait:
it refuses at once with `DatasetBusy`, naming the dataset and the process that
holds it, so two people (or two scripts) never interleave their changes, and
the staging folders of a running import are never taken for a dead import's
leftovers.

The lock is `fcntl.flock` on `.econdash-lock`, which holds the holder's pid
and command (for the message only). The kernel drops it when the holder exits,
however it exits, so a killed import never leaves the dataset locked. The file
itself stays (hidden, never loaded). Where fcntl is missing (Windows) there is
no lock: the commands work as before, one writer at a time being up to the user.
"""

from __future__ import annotations

import errno
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from econdash.core.errors import EcondashError

try:
    import fcntl
except ImportError:  # not POSIX
    fcntl = None  # type: ignore[assignment]

LOCK_FILE = ".econdash-lock"


class DatasetBusy(EcondashError):
    """Another process is writing to the dataset."""


@contextmanager
def dataset_lock(root: Path, command: str = "write") -> Iterator[None]:
    """Hold the dataset's write lock (creating `root` if needed); DatasetBusy when taken."""
    try:
        root.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise EcondashError(f"cannot create the dataset folder {root}: "
                            f"{exc.strerror or exc}") from None
    if fcntl is None:
        yield
        return
    fd = _locked_fd(root, command)
    try:
        yield
    finally:
        os.close(fd)  # closing the file releases the lock


def _locked_fd(root: Path, command: str) -> int:
    """An open descriptor of the lock file, holding its lock, with our pid written in."""
    path = root / LOCK_FILE
    while True:
        fd = _open(path, root)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as exc:
            os.close(fd)
            if exc.errno in (errno.EWOULDBLOCK, errno.EAGAIN, errno.EACCES):
                raise DatasetBusy(_busy_message(root, path)) from None
            raise EcondashError(f"cannot lock {root} for writing: {exc.strerror}") from None
        if _still_there(fd, path):
            break
        os.close(fd)  # the file was replaced while we waited for it: lock the new one
    os.ftruncate(fd, 0)
    os.write(fd, f"{os.getpid()} {command}\n".encode())
    return fd


def _open(path: Path, root: Path) -> int:
    try:
        # O_NOFOLLOW: a lock "file" that is a link to somewhere else is never written.
        return os.open(path, os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0)
                       | getattr(os, "O_CLOEXEC", 0), 0o644)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise EcondashError(f"{path} is a link; econdash keeps its lock there: remove the "
                                "link and try again") from None
        raise EcondashError(f"cannot write to {root}: {exc.strerror}") from None


def _still_there(fd: int, path: Path) -> bool:
    """Whether `path` is still the file we locked (not removed or replaced meanwhile)."""
    try:
        ours, now = os.fstat(fd), os.stat(path, follow_symlinks=False)
    except OSError:
        return False
    return (ours.st_dev, ours.st_ino) == (now.st_dev, now.st_ino)


def _busy_message(root: Path, path: Path) -> str:
    try:
        pid, _, command = path.read_text(encoding="utf-8", errors="replace").strip().partition(" ")
    except OSError:
        pid, command = "", ""
    who = (f"another econdash {command or 'command'} (process {pid})" if pid.isdigit()
           else "another econdash process")
    return (f"{root} is being changed by {who}; nothing was done. "
            "Run this again when that one has finished.")
