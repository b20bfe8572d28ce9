"""Merged cells of an .xlsx sheet, read from the workbook's XML, filled as Excel shows them.

calamine (the reader polars uses) returns a merged range's value in its top-left cell
only and does not report merges. Excel shows a merged 级别 cell spanning three rows as
the same 级别 on each of them, and a person reads a merged title or group header the
same way; so every cell of a merged range gets the top-left value.

The merge ranges (`<mergeCell ref="C3:C5"/>`) are in the sheet's XML part, found
through xl/workbook.xml and its relationships. calamine's rows and columns start at
the first cell that holds a value, so the same origin is found here (the smallest row
and column of a cell with a value) to put the ranges on calamine's grid. Only the
parts needed are read; the sheet XML is scanned with byte regexes, never parsed into a
tree, so a 100,000-row sheet costs a fraction of a second, and only when it has merges.
"""

from __future__ import annotations

import posixpath
import re
import zipfile
from dataclasses import dataclass
from typing import TYPE_CHECKING
from xml.etree import ElementTree

if TYPE_CHECKING:
    import polars as pl

MAX_XML = 512 * 1024 * 1024  # a sheet part bigger than this is not scanned (no zip bomb)
NS_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
NS_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
NS_PKG = "{http://schemas.openxmlformats.org/package/2006/relationships}"
MERGE = re.compile(rb'<(?:\w+:)?mergeCell\s+ref="([A-Z]+)(\d+):([A-Z]+)(\d+)"')
# A cell with a value: <c r="B3" ...><v>…  or an inline string <is>, maybe after a formula.
VALUED = re.compile(rb'<(?:\w+:)?c\s+r="([A-Z]+)(\d+)"[^>]*?(?<!/)>'
                    rb'(?:<(?:\w+:)?f[^>]*?(?:/>|>[^<]*</(?:\w+:)?f>))?<(?:\w+:)?(?:v|is)>')


@dataclass(frozen=True)
class Merge:
    """A merged range in 0-based sheet coordinates, both ends included."""

    top: int
    left: int
    bottom: int
    right: int


def column_index(letters: bytes | str) -> int:
    """`A` → 0, `AB` → 27."""
    number = 0
    for char in letters if isinstance(letters, str) else letters.decode():
        number = number * 26 + ord(char) - 64
    return number - 1


def column_letters(index: int) -> str:
    """0 → `A`, 27 → `AB`."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def sheet_merges(path, sheet_names: list[str]) -> dict[str, tuple[list[Merge], int, int]]:
    """For each sheet with merges: its merges and its origin (first row, first column of a
    cell with a value), all 0-based. {} for anything that is not a readable .xlsx."""
    try:
        with zipfile.ZipFile(path) as archive:
            parts = _sheet_parts(archive)
            found = {}
            for name in sheet_names:
                part = parts.get(name)
                if part is None:
                    continue
                info = archive.getinfo(part)
                if info.file_size > MAX_XML:
                    continue
                xml = archive.read(part)
                merges = [Merge(int(r1) - 1, column_index(c1), int(r2) - 1, column_index(c2))
                          for c1, r1, c2, r2 in MERGE.findall(xml)]
                if merges:
                    found[name] = (merges, *_origin(xml))
            return found
    except (zipfile.BadZipFile, KeyError, OSError, ElementTree.ParseError, ValueError):
        return {}


def _sheet_parts(archive: zipfile.ZipFile) -> dict[str, str]:
    """Sheet name → its XML part inside the archive."""
    book = ElementTree.fromstring(archive.read("xl/workbook.xml"))
    rels = ElementTree.fromstring(archive.read("xl/_rels/workbook.xml.rels"))
    targets = {rel.get("Id"): rel.get("Target", "") for rel in rels.iter(f"{NS_PKG}Relationship")}
    parts = {}
    for sheet in book.iter(f"{NS_MAIN}sheet"):
        target = targets.get(sheet.get(f"{NS_REL}id"), "")
        if not target:
            continue
        part = target.lstrip("/") if target.startswith("/") else posixpath.normpath(
            posixpath.join("xl", target))
        parts[sheet.get("name", "")] = part
    return parts


def _origin(xml: bytes) -> tuple[int, int]:
    """The first row and first column holding a value (where calamine's grid starts)."""
    rows, columns = [], set()
    for letters, row in VALUED.findall(xml):
        rows.append(int(row))
        columns.add(letters)
    if not rows:
        return 0, 0
    return min(rows) - 1, min(column_index(c) for c in columns)


def fill_merges(frame: pl.DataFrame, merges: list[Merge],
                origin: tuple[int, int]) -> pl.DataFrame:
    """Give every cell of each merged range its top-left value, on calamine's grid (the
    frame of strings as read, columns in sheet order). Only the columns a merge touches
    are turned into lists; the rest stay as they are."""
    import polars as pl
    top0, left0 = origin
    height, width = frame.height, frame.width
    touched: dict[int, list] = {}

    def column(index: int) -> list:
        if index not in touched:
            touched[index] = frame.to_series(index).to_list()
        return touched[index]

    for merge in merges:
        top, left = merge.top - top0, merge.left - left0
        if not (0 <= top < height and 0 <= left < width):
            continue  # before the first value or past the last: nothing shown there
        value = column(left)[top]
        if value is None or value == "":
            continue
        bottom, right = min(merge.bottom - top0, height - 1), min(merge.right - left0, width - 1)
        for c in range(left, right + 1):
            cells = column(c)
            cells[top:bottom + 1] = [value] * (bottom + 1 - top)
    if not touched:
        return frame
    return frame.with_columns(pl.Series(frame.columns[i], cells, dtype=pl.String)
                              for i, cells in touched.items())
