"""Reading a workbook (.xlsx, .xls) or a CSV into sheets of text cells, as Excel shows them.

Workbooks are read by polars' `read_excel` with the calamine engine (the `fastexcel`
package: Rust, maintained, reads 20,000 rows in about 0.1 s where openpyxl takes
1-2 s; docs/import.md). Every cell is read as text, then:
- numbers are what Excel stores (`397.3`, never the `397.30` or `1,234` a format shows);
- dates are dates (`2022-05-01`; a time of day only when there is one);
- formulas are their cached values (what Excel showed when the file was saved);
- merged cells are filled as Excel shows them (`table_merges`, .xlsx only).
A CSV is decoded as the loaders decode one (UTF-8 with or without BOM, or GB18030 as
Excel on a Chinese Windows saves it) and split with the csv module.

What cannot be read is refused with a message naming the file and what to do:
a password-protected workbook, a corrupt one, a WPS file (.et, .wps), a file with no
cells. Nothing here writes.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from pathlib import Path

import polars as pl

from econdash.core.admin.table_merges import column_letters, fill_merges, sheet_merges
from econdash.core.errors import EcondashError, FileProblem, Problem
from econdash.core.loaders.text import decode, read_bytes

WORKBOOK_SUFFIXES = (".xlsx", ".xlsm", ".xls")
WPS_SUFFIXES = {".et": "a WPS spreadsheet (.et)", ".ett": "a WPS spreadsheet template (.ett)",
                ".wps": "a WPS text document (.wps)", ".wpt": "a WPS text template (.wpt)",
                ".dps": "a WPS presentation (.dps)"}
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = b"PK\x03\x04"
MAX_BYTES = 1024 * 1024 * 1024
MIDNIGHT = r"^(\d{4}-\d{2}-\d{2})[ T]00:00:00(?:\.0+)?$"


@dataclass(frozen=True)
class Sheet:
    """One sheet's cells as text (None for empty), columns in sheet order, and where its
    first row and column are in the sheet (0-based), for messages."""

    name: str
    frame: pl.DataFrame
    first_row: int = 0
    first_col: int = 0

    def row_number(self, index: int) -> int:
        """The row number Excel shows for the frame's row `index`."""
        return self.first_row + index + 1

    def column_name(self, index: int) -> str:
        """The column letter Excel shows for the frame's column `index`."""
        return column_letters(self.first_col + index)


def read_table_file(path: Path, shown: str) -> list[Sheet]:
    """Every sheet of a workbook, or the one sheet of a CSV; EcondashError when unreadable."""
    suffix = path.suffix.lower()
    if suffix in WPS_SUFFIXES:
        raise EcondashError(f"{shown}: {WPS_SUFFIXES[suffix]} cannot be read; in WPS choose "
                            "文件 → 另存为 → Excel 工作簿 (*.xlsx) and import that file; nothing "
                            "was imported")
    try:
        head = read_bytes(path, shown, 4096)
    except FileProblem as exc:
        raise EcondashError(f"{shown}: cannot be read; nothing was imported",
                            exc.problems) from None
    if suffix == ".csv":
        return [_csv_sheet(path, shown)]
    if suffix not in WORKBOOK_SUFFIXES:
        raise EcondashError(f"{shown}: not a table econdash reads (.xlsx, .xls or .csv); "
                            "nothing was imported")
    _refuse_unreadable(path, shown, head, suffix)
    return _workbook_sheets(path, shown)


def _refuse_unreadable(path: Path, shown: str, head: bytes, suffix: str) -> None:
    """Encrypted, empty or not a workbook at all: a message before calamine is asked."""
    if not head:
        raise EcondashError(f"{shown}: the file is empty (0 bytes); nothing was imported")
    if head.startswith(OLE_MAGIC) and _encrypted(path):
        raise EcondashError(f"{shown}: the workbook is password-protected (encrypted); open it "
                            "in Excel or WPS, remove the password (文件 → 信息 → 保护工作簿 → "
                            "用密码进行加密, clear it), save, and import again; nothing was "
                            "imported")
    expected = ZIP_MAGIC if suffix in (".xlsx", ".xlsm") else OLE_MAGIC
    if not head.startswith(expected):
        other = {ZIP_MAGIC: "an .xlsx", OLE_MAGIC: "an .xls (or a WPS .et)"}
        found = next((name for magic, name in other.items() if head.startswith(magic)), None)
        what = f"is {found} file named {suffix}" if found else f"is not an {suffix} workbook"
        raise EcondashError(f"{shown}: the file {what} (corrupt, or renamed); open it in Excel "
                            "and save it as .xlsx, then import that; nothing was imported")


def _encrypted(path: Path) -> bool:
    """An OLE container holding an encrypted package (Excel 2007+ with a password) or an
    .xls whose workbook stream starts with a FILEPASS record."""
    try:
        data = read_bytes(path, str(path), 8 * 1024 * 1024)
    except FileProblem:
        return False
    names = ("EncryptedPackage", "EncryptionInfo")
    if any(name.encode("utf-16-le") in data for name in names):
        return True
    # BIFF8: FILEPASS (0x002F) follows the first BOF (0x0809) record of the workbook stream.
    bof = data.find(b"\x09\x08\x10\x00\x00\x06\x05\x00")
    return bof != -1 and data[bof + 20:bof + 22] == b"\x2f\x00"


def _workbook_sheets(path: Path, shown: str) -> list[Sheet]:
    try:
        frames = pl.read_excel(path, sheet_id=0, engine="calamine", has_header=False,
                               raise_if_empty=False, read_options={"dtypes": "string"})
    except Exception as exc:  # noqa: BLE001 - the reader's own errors, for a person to read
        raise EcondashError(f"{shown}: cannot be read as a workbook ({_reason(exc)}); the file "
                            "may be corrupt or only partly saved: open it in Excel, save it "
                            "again as .xlsx, and import that; nothing was imported") from None
    merges = sheet_merges(path, list(frames)) if path.suffix.lower() != ".xls" else {}
    sheets = []
    for name, frame in frames.items():
        frame = _tidy(frame)
        first_row, first_col = 0, 0
        if name in merges:
            found, first_row, first_col = merges[name]
            frame = fill_merges(frame, found, (first_row, first_col))
        sheets.append(Sheet(name, frame, first_row, first_col))
    if not any(sheet.frame.height for sheet in sheets):
        raise EcondashError(f"{shown}: the workbook has no cells with anything in them; nothing "
                            "was imported")
    return sheets


def _reason(exc: Exception) -> str:
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else exc.__class__.__name__
    return re.sub(r"\s+", " ", text)[:200]


def _tidy(frame: pl.DataFrame) -> pl.DataFrame:
    """Cells trimmed, empty ones None, dates at midnight written as dates."""
    if frame.width == 0:
        return frame
    frame = frame.rename({name: f"c{i}" for i, name in enumerate(frame.columns)})
    cell = pl.all().cast(pl.String).str.strip_chars()
    cell = cell.str.replace(MIDNIGHT, "${1}")
    return frame.select(pl.when(cell == "").then(None).otherwise(cell).name.keep())


def _csv_sheet(path: Path, shown: str) -> Sheet:
    """A CSV (UTF-8 or GB18030, as Excel saves it) as one sheet named after the file."""
    try:
        text = decode(read_bytes(path, shown, MAX_BYTES), shown).text
    except FileProblem as exc:
        raise EcondashError(f"{shown}: cannot be read; nothing was imported",
                            exc.problems) from None
    try:
        rows = list(csv.reader(io.StringIO(text.replace("\r\n", "\n").replace("\r", "\n"))))
    except csv.Error as exc:
        raise EcondashError(f"{shown}: cannot be read as CSV ({exc}); nothing was "
                            "imported") from None
    width = max((len(row) for row in rows), default=0)
    if width == 0 or not any(cell.strip() for row in rows for cell in row):
        raise EcondashError(f"{shown}: the file has no cells with anything in them; nothing "
                            "was imported")
    columns = {f"c{i}": [row[i] if i < len(row) else None for row in rows] for i in range(width)}
    frame = _tidy(pl.DataFrame(columns, schema={name: pl.String for name in columns}))
    return Sheet(path.stem, frame)


def problem(shown: str, sheet: Sheet, message: str, index: int | None = None,
            column: int | None = None, severity: str = "error",
            row: int | None = None) -> Problem:
    """A Problem naming the file, the sheet (workbooks), Excel's row (`row`, or the
    frame's row `index`) and column letter."""
    where = shown if shown.lower().endswith(".csv") else f"{shown} sheet {sheet.name!r}"
    if row is None and index is not None:
        row = sheet.row_number(index)
    return Problem(where, message, severity,  # type: ignore[arg-type]
                   row=row,
                   column=sheet.column_name(column) if column is not None else None)
