"""Writing to the user's dataset safely: every write is atomic.

Files are written to a temporary name in the same folder and renamed over;
folders are copied to a hidden temporary folder and renamed into place, so
an import killed halfway leaves the dataset as it was. Replaced periods are
kept under `.backup/`. Files a user wrote are never rewritten.
"""

from __future__ import annotations

import datetime as dt
import errno
import os
import shutil
import stat
import uuid
from pathlib import Path

from econdash.core.errors import EcondashError, Problem
from econdash.core.safetext import visible
from econdash.core.admin.staging import Plan, copy_plan, plan_folder

BACKUP_DIR = ".backup"
TEMP_PREFIX = ".incoming-"


class WriteRefused(OSError):
    """`atomic_write_bytes` will not replace this path: replacing it would do harm.

    An OSError (errno, strerror, filename) so that callers treating a failed write
    as "could not write" (settings, caches, the CLI) handle it the same way.
    """

    def __init__(self, code: int, reason: str, path: Path) -> None:
        super().__init__(code, reason, str(path))


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Write `data` to `path` so that readers see the old or the new file, never half.

    The new content goes to a temporary file in the same folder, which is then
    renamed over the target. Never clobbers what it should not (raises WriteRefused):
    - only a regular file is replaced: a folder, device, FIFO or socket is refused
      (and never opened, so a FIFO cannot hang the write);
    - a read-only file is refused: no write bit at all (which root would ignore), or
      one the user may not write (`os.access`);
    - a symlink is written through: the regular file it finally points to is replaced
      (atomically, in its own folder) and the link stays; a link to nothing or a
      link loop is refused;
    - a folder on the way that is a file is named ("exp/ro.csv is a file, not a folder").
    An existing file keeps its permission bits (and, where allowed, its owner); a new
    one gets 0666 & ~umask, applied by the kernel at creation: the process-wide umask
    is never changed, since other threads create files and folders meanwhile.
    """
    target, existing = _replaceable_target(path)
    _make_folder(target.parent, path)
    fd, temp = _create_temporary(target)
    try:
        with os.fdopen(fd, "wb") as handle:
            if existing is not None:
                _keep_owner_and_mode(handle.fileno(), existing)
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, target)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise


def _replaceable_target(path: Path) -> tuple[Path, os.stat_result | None]:
    """The regular file to replace (the end of a symlink chain) and its status, if any."""
    try:
        found = os.stat(path)  # follows symlinks: what a write would reach
    except FileNotFoundError:
        if os.path.islink(path):
            raise WriteRefused(errno.ENOENT, f"is a symbolic link to {visible(os.readlink(path))}, "
                               "which does not exist", path) from None
        return path, None
    except NotADirectoryError:
        return path, None  # a folder on the way is a file: _make_folder names it
    except OSError as exc:
        if exc.errno == errno.ELOOP and os.path.islink(path):
            raise WriteRefused(errno.ELOOP, "is a symbolic link that loops", path) from None
        raise
    _refuse_unless_writable_file(path, found)
    if not os.path.islink(path):
        return path, found
    target = Path(os.path.realpath(path))
    if not os.path.samestat(os.lstat(target), found):  # e.g. /proc's magic links
        raise WriteRefused(errno.EINVAL, "is a symbolic link that cannot be followed to a "
                           "file", path)
    return target, found


def _refuse_unless_writable_file(path: Path, found: os.stat_result) -> None:
    if stat.S_ISDIR(found.st_mode):
        raise WriteRefused(errno.EISDIR, "is a folder; give a file name", path)
    if not stat.S_ISREG(found.st_mode):
        raise WriteRefused(errno.EINVAL, f"is a {_kind(found.st_mode)}, not a regular file; "
                           "econdash replaces only regular files", path)
    # Root passes every os.access check, so also refuse a file nobody may write.
    if not found.st_mode & 0o222 or not _may_write(path):
        raise WriteRefused(errno.EACCES, "is read-only; econdash does not replace it "
                           "(make it writable or choose another name)", path)


def _kind(mode: int) -> str:
    kinds = [(stat.S_ISCHR, "character device"), (stat.S_ISBLK, "block device"),
             (stat.S_ISFIFO, "named pipe (FIFO)"), (stat.S_ISSOCK, "socket")]
    return next((name for test, name in kinds if test(mode)), "special file")


def _may_write(path: Path) -> bool:
    effective = os.access in os.supports_effective_ids
    return os.access(path, os.W_OK, effective_ids=effective)


def _make_folder(folder: Path, path: Path) -> None:
    """Create `folder` (and its parents); a part of it that is a file is named."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except (FileExistsError, NotADirectoryError):
        blocker = next((p for p in reversed((folder, *folder.parents))
                        if os.path.lexists(p) and not p.is_dir()), folder)
        what = ("a symbolic link to nothing" if blocker.is_symlink() and not blocker.exists()
                else "a file")
        raise WriteRefused(errno.ENOTDIR, f"{blocker} is {what}, not a folder", path) from None


def _create_temporary(target: Path) -> tuple[int, Path]:
    """A new hidden file beside `target`, opened for writing, mode 0666 & ~umask.

    O_EXCL never opens an existing file or follows a symlink planted there.
    """
    stem = target.name[:64]  # the random suffix must still fit in NAME_MAX
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0)
    for _ in range(100):
        temp = target.with_name(f".{stem}.{uuid.uuid4().hex[:12]}.tmp")
        try:
            return os.open(temp, flags, 0o666), temp
        except FileExistsError:
            continue
    raise FileExistsError(errno.EEXIST, "no free temporary file name", str(target.parent))


def _keep_owner_and_mode(fd: int, old: os.stat_result) -> None:
    """Give the new file the replaced file's owner (where allowed) and permission bits."""
    new = os.fstat(fd)
    if (new.st_uid, new.st_gid) != (old.st_uid, old.st_gid):
        try:
            os.fchown(fd, old.st_uid, old.st_gid)  # only root, or a group change we may make
        except OSError:
            pass
    os.fchmod(fd, stat.S_IMODE(old.st_mode) & 0o777)  # after chown, which may clear bits


def atomic_write_text(path: Path, text: str) -> None:
    """UTF-8 text, atomically."""
    atomic_write_bytes(path, text.encode("utf-8"))


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
