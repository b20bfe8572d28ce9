"""Writing to the user's dataset safely: every write is atomic.

Files are written to a temporary name in the same folder and renamed over;
folders are copied to a hidden temporary folder and renamed into place, so
an import killed halfway leaves the dataset as it was. Replaced periods are
kept under `.backup/`. Files a user wrote are never rewritten.
"""

from __future__ import annotations

import errno
import os
import stat
import uuid
from pathlib import Path

from econdash.core.safetext import visible

BACKUP_DIR = ".backup"
TEMP_PREFIX = ".incoming-"


class WriteRefused(OSError):
    """`atomic_write_bytes` will not replace this path: replacing it would do harm.

    An OSError (errno, strerror, filename) so that callers treating a failed write
    as "could not write" (settings, caches, the CLI) handle it the same way.
    """

    def __init__(self, code: int, reason: str, path: Path) -> None:
        super().__init__(code, reason, str(path))


def atomic_write_bytes(path: Path, data: bytes | bytearray | memoryview) -> None:
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
