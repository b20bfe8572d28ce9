"""Reading a user's file as text: encoding detection and NFKC normalisation.

Excel on a Chinese Windows writes GB18030 (GBK); Notepad and the NBS portal
write UTF-8 with a BOM; everything else writes UTF-8. We detect which and
record it, so a person can see what econdash assumed.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from pathlib import Path

from econdash.errors import FileProblem, Problem

UTF8_BOM = b"\xef\xbb\xbf"


@dataclass(frozen=True)
class DecodedText:
    """A file's text and the encoding it was read with."""

    text: str
    encoding: str


def read_bytes(path: Path, shown: str, limit: int | None = None) -> bytes:
    """The file's bytes (at most `limit` of them), or a FileProblem saying why it cannot be
    read."""
    if path.is_dir():
        raise FileProblem(Problem(shown, "is a folder, but a file is expected here"))
    try:
        if limit is None:
            return path.read_bytes()
        with path.open("rb") as file:
            return file.read(limit)
    except OSError as exc:
        reason = exc.strerror or exc.__class__.__name__
        raise FileProblem(Problem(shown, f"cannot be read: {reason}")) from None


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
