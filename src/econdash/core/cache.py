"""Caches in the user cache folder: JSON data, valid only for the code that wrote them.

The overview snapshot and the parsed-report cache are each one file per dataset
folder. The file's first line is its header: the cache's kind and format, econdash's
version and a stamp of the whole econdash package (the size and time of every
module, since a development checkout changes code without changing the version).
The rest is the payload, a dataclass written by `econdash.core.jsondata`: data, never
code, and read back only if it matches the class exactly. Any other header, or a
file that can't be read or doesn't match, is simply not used (the next save
replaces it); a cache that can't be written is not an error either.
Textual-free and polars-free.
"""

from __future__ import annotations

import os
import stat
import zlib
from pathlib import Path
from typing import Any, TypeVar

from econdash import __version__
from econdash.core.jsondata import DecodeError, dumps, loads

PACKAGE = Path(__file__).resolve().parents[1]  # econdash/: every module's code
SUFFIX = ".json"
OLD_SUFFIX = ".pickle"  # (pickles, as earlier code wrote: never read, removed on save)
MAX_BYTES = 256 * 1024 * 1024  # (the reports of a thousand periods take about 20 MB)

T = TypeVar("T")

_stamp: str | None = None


def cache_file(cache: Path, kind: str, root: Path) -> Path:
    """The `kind` cache of the dataset at `root` (one file per dataset folder)."""
    # (crc32, not hashlib: it is imported before the first frame and OpenSSL costs more.
    # Two folders sharing a name only share a file: what is inside tells them apart.)
    digest = zlib.crc32(str(root.resolve()).encode("utf-8", "surrogateescape"))
    return cache / f"{kind}-{digest:08x}{SUFFIX}"


def code_stamp() -> str:
    """econdash's version and a stamp of every module of the package (computed once per
    process: the code that runs doesn't change while it runs)."""
    global _stamp
    if _stamp is None:
        _stamp = f"{__version__}/{package_stamp(PACKAGE)}"
    return _stamp


def package_stamp(package: Path) -> str:
    """How many modules the package at `package` has and a crc32 of their paths, sizes
    and times ("unlisted" when they can't be listed, as in a zip)."""
    try:
        modules = sorted(_modules(package, ""))
    except OSError:
        return "unlisted"
    digest = zlib.crc32("\n".join(modules).encode("utf-8", "surrogateescape"))
    return f"{len(modules)}-{digest:08x}"


def _modules(folder: Path, prefix: str) -> list[str]:
    """`path size mtime_ns` of each *.py in `folder` and in its subpackages (folders with
    an __init__.py: not data/ or __pycache__/)."""
    found: list[str] = []
    with os.scandir(folder) as entries:
        listed = list(entries)
    for entry in listed:
        if entry.name.endswith(".py") and entry.is_file():
            info = entry.stat()
            found.append(f"{prefix}{entry.name} {info.st_size} {info.st_mtime_ns}")
        elif _is_code_package(entry, prefix):
            found.extend(_modules(Path(entry.path), f"{prefix}{entry.name}/"))
    return found


def _is_code_package(entry: os.DirEntry[str], prefix: str) -> bool:
    """A subpackage holding code: installed, the bundled datasets are the package
    econdash.data, which is data and doesn't shape a parse."""
    if prefix == "" and entry.name == "data":
        return False
    return entry.is_dir() and os.path.isfile(os.path.join(entry.path, "__init__.py"))


def header(kind: type, version: int) -> bytes:
    """The first line of a cache holding a `kind` in cache format `version`."""
    return (f'{{"cache":"{kind.__module__}.{kind.__qualname__}","format":{version},'
            f'"code":"{code_stamp()}"}}\n').encode("ascii")


def write_cache(path: Path, version: int, payload: Any) -> None:
    """Write `payload` (a dataclass) atomically; failing to is not an error."""
    from econdash.core.fs import atomic_write_bytes
    try:
        atomic_write_bytes(path, header(type(payload), version) + dumps(payload))
    except (OSError, TypeError, ValueError):  # (TypeError, ValueError: not cache data)
        return
    if path.suffix == SUFFIX:
        try:
            path.with_suffix(OLD_SUFFIX).unlink(missing_ok=True)
        except OSError:
            pass


def read_cache(path: Path, version: int, kind: type[T]) -> T | None:
    """The `kind` written under this header (code, format) at `path`, else None."""
    expected = header(kind, version)
    data = read_small_file(path, MAX_BYTES, own=True)
    if data is None or not data.startswith(expected):
        return None
    try:
        return loads(kind, data[len(expected):])
    except DecodeError:
        return None


def read_small_file(path: Path, limit: int, own: bool = False) -> bytes | None:
    """The bytes of the regular file at `path` if it has at most `limit` of them; None
    for anything else (missing, unreadable, a folder, a FIFO or device, which would
    block or never end). With `own`, also None for a file another user could have
    written (theirs, or writable by anyone): in a shared cache folder, their data
    could show figures the dataset doesn't hold."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)  # (a folder opens too: fstat tells)
    except OSError:
        return None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode) or info.st_size > limit or (own and not _own(info)):
            return None
        with os.fdopen(os.dup(fd), "rb") as file:
            data = file.read(limit + 1)
    except OSError:
        return None
    finally:
        os.close(fd)
    return data if len(data) <= limit else None


def _own(info: os.stat_result) -> bool:
    """The file is this user's and only they (and their group) can write it."""
    uid = os.geteuid() if hasattr(os, "geteuid") else info.st_uid  # (Windows: no owners)
    return info.st_uid == uid and not info.st_mode & stat.S_IWOTH
