"""The two renames an import is built from: swap two entries, and move without clobbering.

Linux's `renameat2` (called through libc with ctypes) can exchange two paths in
one step (`RENAME_EXCHANGE`), so replacing a period never passes through a
moment where neither the old nor the new folder is in place, and can refuse to
overwrite (`RENAME_NOREPLACE`). Where it is missing (not Linux, an old libc or
kernel, a filesystem without the flags) `exchange` says so by returning False
and the caller falls back to two plain renames; `move` falls back to a check
and `os.rename`. Every rename of an import goes through this module, so tests
can fail or interrupt one at any step.
"""

from __future__ import annotations

import ctypes
import errno
import os
import sys
from pathlib import Path

AT_FDCWD = -100
RENAME_NOREPLACE = 1
RENAME_EXCHANGE = 2
# renameat2 answers with these when the kernel or the filesystem lacks the flag.
_UNSUPPORTED = {errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP}


def _renameat2():
    """libc's renameat2, or None (not Linux, or a libc older than glibc 2.28)."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        function = ctypes.CDLL(None, use_errno=True).renameat2
    except (OSError, AttributeError):
        return None
    function.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p,
                         ctypes.c_uint]
    function.restype = ctypes.c_int
    return function


_RENAMEAT2 = _renameat2()


def _call(source: Path, destination: Path, flags: int) -> bool:
    """renameat2 with `flags`: True when done, False when unsupported; OSError otherwise."""
    if _RENAMEAT2 is None:
        return False
    if _RENAMEAT2(AT_FDCWD, os.fsencode(source), AT_FDCWD, os.fsencode(destination), flags) == 0:
        return True
    code = ctypes.get_errno()
    if code in _UNSUPPORTED:
        return False
    raise OSError(code, os.strerror(code), str(source), None, str(destination))


def exchange(first: Path, second: Path) -> bool:
    """Swap two existing entries atomically; False (nothing done) where this is unsupported."""
    return _call(first, second, RENAME_EXCHANGE)


def move(source: Path, destination: Path) -> None:
    """Rename `source` to `destination`, which must not exist (FileExistsError if it does)."""
    if _call(source, destination, RENAME_NOREPLACE):
        return
    # Without RENAME_NOREPLACE a rename silently replaces a file (or an empty folder).
    if os.path.lexists(destination):
        raise FileExistsError(errno.EEXIST, os.strerror(errno.EEXIST), str(destination))
    os.rename(source, destination)
