"""What an import copies, checked before anything is written, and the copying itself.

Only regular files and folders are copied. A link whose target stays inside the
folder being imported is copied as the file (or folder) it leads to; a link
leading outside (a period folder received from someone else must never bring
the importer's own files into a dataset people share), a dangling or looping
link, and any named pipe, device or socket refuse the whole import, each named
with what to do. Hidden entries ('.') and `__pycache__` are never copied, as
before. `plan_folder` and `plan_file` list the entries and their sizes without
writing; `check_free_space` compares the total with the free space of the
dataset's disk; `copy_plan` copies, opening every file without following a
link and checking it is still a regular file.
"""

from __future__ import annotations

import errno
import os
import shutil
import stat
from dataclasses import dataclass, field
from pathlib import Path

from econdash.core.errors import EcondashError, Problem

BLOCK = 4096  # what a file or folder takes on disk at least, for the free-space estimate
COPY_CHUNK = 1 << 20


@dataclass(frozen=True)
class Entry:
    """One thing to copy: a folder (`real` None) or a file read from `real`."""

    relative: str  # where it goes inside the copy, '/'-separated
    real: Path | None
    size: int = 0


@dataclass
class Plan:
    """The entries of one source folder or file, in an order that can be copied."""

    source: Path
    shown: str  # the source as the user named it, for messages
    entries: list[Entry] = field(default_factory=list)

    @property
    def disk_bytes(self) -> int:
        """Roughly what the copy takes on disk (every entry rounded up to whole blocks)."""
        return sum(-(-max(e.size, 1) // BLOCK) * BLOCK for e in self.entries)


def plan_folder(folder: Path, shown: str, boundary: Path, problems: list[Problem]) -> Plan:
    """Everything under `folder` to copy; links must stay inside `boundary`.

    Entries that cannot be copied are added to `problems` (and left out).
    """
    plan = Plan(folder, shown)
    real = _resolved(folder)
    if real is None or not real.is_dir():
        problems.append(Problem(shown, "is not a folder that can be read"))
        return plan
    boundary = _resolved(boundary) or real
    if not real.is_relative_to(boundary):  # a period folder that is a link leading out
        problems.append(Problem(shown, f"is a link to {real}, outside the folder; copy the "
                                "folder itself in or remove the link"))
        return plan
    walk = _Walk(shown, boundary, problems, plan.entries)
    walk.folder(real, "", (real,))
    return plan


def plan_file(path: Path, shown: str, boundary: Path, problems: list[Problem]) -> Entry | None:
    """One file to copy (series.csv, dataset.toml), under the same rules as a folder's."""
    parent = _resolved(path.parent)
    if parent is None:
        problems.append(Problem(shown, "cannot be read"))
        return None
    found: list[Entry] = []
    walk = _Walk(shown, _resolved(boundary) or parent, problems, found, single=True)
    walk.entry(parent / path.name, parent, "", (parent,))
    if found and found[0].real is None:
        problems.append(Problem(shown, "is a folder, not a file"))
        return None
    return found[0] if found else None


def _resolved(path: Path) -> Path | None:
    try:
        return Path(os.path.realpath(path, strict=True))
    except (OSError, RuntimeError):
        return None


@dataclass
class _Walk:
    """One walk over a source: where messages point, the boundary, what was found."""

    shown: str
    boundary: Path
    problems: list[Problem]
    entries: list[Entry]
    single: bool = False  # a single file: its messages name just `shown`

    def name(self, relative: str) -> str:
        return self.shown if self.single or not relative else f"{self.shown}/{relative}"

    def folder(self, real: Path, relative: str, ancestors: tuple[Path, ...]) -> None:
        """Walk one folder; `ancestors` are the real folders being walked (to catch loops)."""
        try:
            children = sorted(entry.name for entry in os.scandir(real))
        except OSError as exc:
            self.problems.append(Problem(self.name(relative) + "/",
                                         f"cannot be read: {exc.strerror}"))
            return
        for name in children:
            if name.startswith(".") or name == "__pycache__":
                continue  # never copied (and never loaded)
            inner = f"{relative}/{name}" if relative else name
            self.entry(real / name, real, inner, ancestors)

    def entry(self, path: Path, parent_real: Path, relative: str,
              ancestors: tuple[Path, ...]) -> None:
        """Add one entry (a folder with its contents), or the problem that stops it."""
        shown = self.name(relative)
        try:
            info = path.lstat()
        except OSError as exc:
            self.problems.append(Problem(shown, f"cannot be read: {exc.strerror}"))
            return
        real = path
        if stat.S_ISLNK(info.st_mode):
            target = self.link_target(path, parent_real, ancestors, shown)
            if target is None:
                return
            real, info = target
        if stat.S_ISDIR(info.st_mode):
            self.entries.append(Entry(relative, None))
            self.folder(real, relative, (*ancestors, real))
        elif stat.S_ISREG(info.st_mode):
            self.entries.append(Entry(relative, real, info.st_size))
        else:
            self.problems.append(Problem(shown, f"is {_kind(info.st_mode)}, not a file; only "
                                         "files and folders are imported: remove it from the "
                                         "folder"))

    def link_target(self, path: Path, parent_real: Path, ancestors: tuple[Path, ...],
                    shown: str) -> tuple[Path, os.stat_result] | None:
        """What a link leads to, when it may be copied; otherwise the problem is recorded."""
        try:
            written = os.readlink(path)
        except OSError:
            written = "?"
        try:
            real = Path(os.path.realpath(path, strict=True))
            info = real.stat()
        except FileNotFoundError:
            self.problems.append(Problem(shown, f"is a link to {written}, which does not "
                                         "exist; copy the file itself in or remove the link"))
            return None
        except (OSError, RuntimeError):
            self.problems.append(Problem(shown, f"is a link to {written} that leads back to "
                                         "itself (a loop); remove the link"))
            return None
        if not real.is_relative_to(self.boundary):
            what = "folder" if stat.S_ISDIR(info.st_mode) else "file"
            self.problems.append(Problem(shown, f"is a link to {real}, outside the folder; "
                                         f"copy the {what} itself in or remove the link"))
            return None
        if stat.S_ISDIR(info.st_mode) and (parent_real.is_relative_to(real) or real in ancestors):
            self.problems.append(Problem(shown, f"is a link to {written}, a folder that holds "
                                         "the link itself (a loop); remove the link"))
            return None
        return real, info


def _kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "a special file"


def check_free_space(target: Path, plans: list[Plan], extra_bytes: int = 0) -> None:
    """Refuse before copying when the dataset's disk cannot hold the import."""
    needed = sum(plan.disk_bytes for plan in plans) + extra_bytes
    try:
        free = shutil.disk_usage(target).free
    except OSError:
        return  # not knowing is no reason to refuse; a full disk is still caught while copying
    if needed > free:
        raise EcondashError(f"not enough free space for this import in {target}: it needs about "
                            f"{human_size(needed)} and {human_size(free)} are free; free some "
                            "space and run it again (nothing was imported)")


def human_size(count: int) -> str:
    """1536 → '1.5 KB' (powers of 1024, as file managers show)."""
    size = float(count)
    for unit in ("bytes", "KB", "MB", "GB"):
        if size < 1024 or unit == "GB":
            return f"{count} bytes" if unit == "bytes" else f"{size:.1f} {unit}"
        size /= 1024
    return f"{size:.1f} TB"


def copy_plan(plan: Plan, destination: Path, what: str) -> None:
    """Copy the plan into `destination` (a new folder); errors name the source file.

    `what` names the copy for messages ("2023Q1"); a failure raises EcondashError
    and may leave a partial `destination` for the caller to remove.
    """
    _make_folder(destination, plan.shown, what)
    for entry in plan.entries:
        target = destination / entry.relative
        shown = f"{plan.shown}/{entry.relative}"
        if entry.real is None:
            _make_folder(target, shown, what)
        else:
            copy_file(entry.real, target, shown, what)


def _make_folder(path: Path, shown: str, what: str) -> None:
    try:
        path.mkdir()
    except OSError as exc:
        raise _copy_error(exc, shown, what) from None


def copy_file(real: Path, destination: Path, shown: str, what: str) -> None:
    """Copy one regular file (never through a link, never a pipe) to a new `destination`."""
    try:
        source = os.open(real, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0)
                         | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    except OSError as exc:
        raise _copy_error(exc, shown, what) from None
    try:
        info = os.fstat(source)
        if not stat.S_ISREG(info.st_mode):  # swapped for something else since it was checked
            raise EcondashError(f"{shown} changed while it was being imported: it is no longer "
                                "a file; nothing was imported")
        _copy_bytes(source, destination, info, shown, what)
    finally:
        os.close(source)


def _copy_bytes(source: int, destination: Path, info: os.stat_result, shown: str,
                what: str) -> None:
    try:
        out = os.open(destination, os.O_WRONLY | os.O_CREAT | os.O_EXCL
                      | getattr(os, "O_CLOEXEC", 0), 0o666)
    except OSError as exc:
        raise _copy_error(exc, shown, what) from None
    try:
        with open(source, "rb", closefd=False) as reader, open(out, "wb", closefd=False) as writer:
            shutil.copyfileobj(reader, writer, COPY_CHUNK)
        # As shutil.copy2 did: the source's permission bits and times.
        if hasattr(os, "fchmod"):
            os.fchmod(out, stat.S_IMODE(info.st_mode) & 0o777)
        os.utime(out, ns=(info.st_atime_ns, info.st_mtime_ns))
    except OSError as exc:
        raise _copy_error(exc, shown, what) from None
    finally:
        os.close(out)


def _copy_error(exc: OSError, shown: str, what: str) -> EcondashError:
    if exc.errno == errno.ENOSPC:
        reason = "the disk is full"
    elif exc.errno == errno.EDQUOT:
        reason = "your disk quota is used up"
    else:
        reason = exc.strerror or str(exc)
    return EcondashError(f"cannot copy {shown} (for {what}): {reason}; nothing was imported")
