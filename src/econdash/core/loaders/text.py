"""Reading a user's file as text: safe reading, encoding detection and NFKC normalisation.

Every file of a dataset (and an NBS export) is read by `read_bytes`: only an
ordinary file, opened so that a named pipe cannot block, and never more than a
size limit, so a FIFO, /dev/zero or a huge file is a located problem instead of
a hang or a full memory. `link_problem` keeps a dataset's links inside it.

Excel on a Chinese Windows writes GB18030 (GBK); Notepad and the NBS portal
write UTF-8 with a BOM; everything else writes UTF-8. We detect which and
record it, so a person can see what econdash assumed.
"""

from __future__ import annotations

import errno
import os
import stat
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from econdash.core.errors import FileProblem, Problem

UTF8_BOM = b"\xef\xbb\xbf"


@dataclass(frozen=True)
class DecodedText:
    """A file's text and the encoding it was read with."""

    text: str
    encoding: str


TOML_SIZE_LIMIT = 64 * 1024 * 1024
"""The largest .toml file read: a report of 100,000 indicators is about 15 MiB."""
CSV_SIZE_LIMIT = 1024 * 1024 * 1024
"""The largest CSV (or any other) file read: a million-row roster is about 200 MiB."""

# O_NONBLOCK: opening a named pipe must not wait for a writer (F8); for an ordinary
# file it changes nothing. O_NOCTTY: a terminal device never becomes ours.
_OPEN_FLAGS = (os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
               | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0))
_SPECIAL_KINDS = ((stat.S_ISFIFO, "a named pipe"), (stat.S_ISCHR, "a character device"),
                  (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket"))


def size_limit(path: Path) -> int:
    """The most bytes econdash reads from this file: TOML files are small, tables not."""
    return TOML_SIZE_LIMIT if _kind(path) == "TOML" else CSV_SIZE_LIMIT


def _kind(path: Path) -> str:
    return "TOML" if path.suffix.lower() == ".toml" else "CSV"


def read_bytes(path: Path, shown: str, limit: int | None = None) -> bytes:
    """The bytes of the ordinary file at `path` (at most `limit` of them, for a preview),
    or a FileProblem saying why not: a folder, a named pipe or device (never opened in a
    way that waits), a dangling or looping link, a file over `size_limit`, or an OS error.

    It does not check where a link leads: see `link_problem` for files of a dataset.
    """
    cap = size_limit(path)
    want = cap + 1 if limit is None else min(cap + 1, limit)  # one more tells "too large"
    try:
        _refuse_unless_ordinary(_stat(path, shown), path, shown)
        with os.fdopen(os.open(path, _OPEN_FLAGS), "rb") as file:
            info = os.fstat(file.fileno())  # what was opened, in case it changed since
            _refuse_unless_ordinary(info, path, shown)
            data = file.read(min(want, info.st_size + 1))
            if info.st_size < len(data) < want:  # it grew (or is a /proc file of size 0)
                data += file.read(want - len(data))
    except OSError as exc:
        reason = exc.strerror or exc.__class__.__name__
        raise FileProblem(Problem(shown, f"cannot be read: {reason}")) from None
    if len(data) > cap:
        raise FileProblem(_too_large(path, shown, f"more than {_size_text(cap)}"))
    return data


def _stat(path: Path, shown: str) -> os.stat_result:
    """os.stat, with a dangling or looping link said in words."""
    try:
        return os.stat(path)
    except FileNotFoundError:
        if os.path.islink(path):
            raise FileProblem(_dangling(path, shown)) from None
        raise
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise FileProblem(Problem(shown, "is a link that loops")) from None
        raise


def _refuse_unless_ordinary(info: os.stat_result, path: Path, shown: str) -> None:
    if stat.S_ISDIR(info.st_mode):
        raise FileProblem(Problem(shown, "is a folder, but a file is expected here"))
    if not stat.S_ISREG(info.st_mode):
        kind = next((name for test, name in _SPECIAL_KINDS if test(info.st_mode)),
                    "a special file")
        raise FileProblem(Problem(shown, f"is not an ordinary file ({kind}); econdash reads "
                                  "only ordinary files"))
    if info.st_size > size_limit(path):
        raise FileProblem(_too_large(path, shown, _size_text(info.st_size)))


def _too_large(path: Path, shown: str, size: str) -> Problem:
    return Problem(shown, f"is too large to read ({size}; econdash reads {_kind(path)} files "
                   f"of up to {_size_text(size_limit(path))})")


def _size_text(size: int) -> str:
    """A size in words: '512 bytes', '3 MiB', '4.5 MiB', '1 GiB'."""
    if size < 1024:
        return f"{size} bytes"
    amount, units = size / 1024, ["KiB", "MiB", "GiB", "TiB"]
    while amount >= 1024 and len(units) > 1:
        amount, units = amount / 1024, units[1:]
    return f"{amount:.1f}".removesuffix(".0") + f" {units[0]}"


def _dangling(path: Path, shown: str) -> Problem:
    try:
        target = os.readlink(path)
    except OSError:
        target = "a file"
    return Problem(shown, f"is a link to {target}, which does not exist")


def link_problem(path: Path, root: Path, shown: str) -> Problem | None:
    """Why the entry at `path`, inside the dataset whose folder resolves to `root`, must
    not be followed: a link (or a path through a link) that leads outside the dataset,
    dangles or loops. None when it may be read (the usual case: no link at all).

    `root` must already be resolved (`Path.resolve()`), so a dataset opened through a
    link is its target's folder.
    """
    try:
        if not os.path.lexists(path):
            return None  # nothing there: the caller treats it as absent
        real = Path(os.path.realpath(path))
        os.stat(real)
    except FileNotFoundError:
        return _dangling(path, shown)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return Problem(shown, "is a link that loops")
        return Problem(shown, f"cannot be read: {exc.strerror or exc.__class__.__name__}")
    if real == root or root in real.parents:
        return None
    kind = "folder" if real.is_dir() else "file"
    return Problem(shown, f"is a link to a {kind} outside the dataset ({real}); copy the "
                   f"{kind} in instead")


def line_of_offset(data: bytes, offset: int) -> int:
    """1-based line number of a byte offset."""
    return data.count(b"\n", 0, offset) + 1


UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


def decode(data: bytes, shown: str) -> DecodedText:
    """Decode UTF-8 (with or without BOM) or GB18030; reject UTF-16 and binary files."""
    reject_utf16(data, shown)
    nul = data.find(b"\x00")
    if nul != -1:
        raise FileProblem(Problem(
            shown, "contains NUL bytes: this is a binary file (an .xlsx?), "
            "not text; save it as CSV UTF-8 or CSV from Excel", line=line_of_offset(data, nul)))
    if data.startswith(UTF8_BOM):
        return _decode_as(data[3:], "utf-8-sig", "utf-8", shown, data)
    try:
        return DecodedText(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError as utf8_error:
        try:
            return DecodedText(data.decode("gb18030"), "gb18030")
        except UnicodeDecodeError as gb_error:
            # Point at the bad byte of whichever reading got further: in a UTF-8 file
            # with one stray byte, that is the UTF-8 reading.
            offset = max(utf8_error.start, gb_error.start)
            raise FileProblem(_undecodable(data, offset, shown)) from None


def reject_utf16(data: bytes, shown: str) -> None:
    """Excel's "Unicode Text" is UTF-16: say so, rather than calling it binary."""
    if data.startswith(UTF16_BOMS):
        raise FileProblem(Problem(shown, "is UTF-16 text (Excel's \"Unicode Text\"); "
                                  "save it as CSV UTF-8"))


def _undecodable(data: bytes, offset: int, shown: str) -> Problem:
    return Problem(shown, f"is neither UTF-8 nor GB18030 text (byte {data[offset]:#04x} cannot "
                   "be decoded); save it as UTF-8", line=line_of_offset(data, offset))


def _decode_as(body: bytes, name: str, codec: str, shown: str, data: bytes) -> DecodedText:
    try:
        return DecodedText(body.decode(codec), name)
    except UnicodeDecodeError as exc:
        raise FileProblem(_undecodable(data, exc.start + (len(data) - len(body)), shown)) from None


def nfkc(text: str) -> str:
    """NFKC-normalise (full-width digits and letters to ASCII), cheaply when already so."""
    if text.isascii() or unicodedata.is_normalized("NFKC", text):
        return text
    return unicodedata.normalize("NFKC", text)
