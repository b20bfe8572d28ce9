"""Exports for Excel and reports: CSV (UTF-8 with BOM), XLSX and Markdown.

What goes out is exactly the frame given (the rows a table shows). Text cells
that Excel would run as a formula (leading = + - @ tab or CR) are neutralised
with a leading apostrophe in CSV and Markdown; in XLSX they are written as
string cells, which Excel never runs. Header names that neutralise to the same
name get a number (`'=a`, `'=a (2)`). Numbers stay numbers. In XLSX the header row is frozen and each column is as wide
as its content (a CJK character counts two), up to a limit. Files are written
atomically and never clobber what should not be replaced (see
`fs.atomic_write_bytes`). The brief a Markdown export of the indicators starts
with is `brief.period_brief`.

`export_frame` raises only `EcondashError` (naming the file), whatever the writer
library raised, and returns an `ExportResult`: what Excel had to cut is reported
there, since CSV and Markdown keep it.
"""

from __future__ import annotations

import io
import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import polars as pl

from econdash.core.errors import EcondashError
from econdash.core.formatting import fmt_number
from econdash.core.fs import atomic_write_bytes
from econdash.core.safetext import visible

FORMATS = ("csv", "xlsx", "md")
FORMULA_START = r"^[=+\-@\t\r]"
EXCEL_MAX_ROWS = 1_048_575  # plus the header row
EXCEL_MAX_COLUMNS = 16_384
EXCEL_MAX_CELL = 32_767  # characters (UTF-16 units) in one cell; xlsxwriter cuts the rest
XLSXWRITER_CUT = -2  # what xlsxwriter's write_string returns when it cut the string
COLUMN_MIN_WIDTH, COLUMN_MAX_WIDTH, COLUMN_PADDING = 6, 60, 2  # in Excel's character widths
SHEET_NAME_MAX = 31  # UTF-16 units
SHEET_NAME_BAD = str.maketrans({c: "_" for c in [*"[]:*?/\\", *map(chr, range(32)), "\x7f"]})


@dataclass(frozen=True)
class ExportResult:
    """What `export_frame` wrote: the file, its rows, and the cells Excel made it cut.

    `first_cut` is (row, column name) of the first cut cell: row 1 is the first data
    row, 0 the header.
    """

    path: Path
    rows: int
    cut_cells: int = 0
    first_cut: tuple[int, str] | None = None

    @property
    def warnings(self) -> list[str]:
        """Lines to show the person who exported (empty when nothing was lost)."""
        if not self.cut_cells or self.first_cut is None:
            return []
        row, column = self.first_cut
        cells = ("1 cell is longer than Excel's limit of {:,} characters and was cut"
                 if self.cut_cells == 1 else f"{self.cut_cells:,} cells are longer than "
                 "Excel's limit of {:,} characters and were cut").format(EXCEL_MAX_CELL)
        where = "the header" if row == 0 else f"row {row}"
        return [f"{cells} in {self.path.name} (first: {where}, column {column!r}); "
                "export CSV or Markdown to keep the whole text"]


def neutralise(frame: pl.DataFrame) -> pl.DataFrame:
    """Prefix text cells (and header names) a spreadsheet would evaluate with an apostrophe."""
    names = ["'" + c if re.match(FORMULA_START, c) else c for c in frame.columns]
    if names != frame.columns:
        frame = frame.clone()
        frame.columns = unique_names(names)
    # pl.nth, not pl.col: pl.col("^…$") would read a header as a regular expression.
    text = [(i, name) for i, (name, dtype) in enumerate(frame.schema.items())
            if dtype == pl.String]
    if not text:
        return frame
    return frame.with_columns(
        pl.when(pl.nth(i).str.contains(FORMULA_START)).then("'" + pl.nth(i))
        .otherwise(pl.nth(i)).alias(name) for i, name in text)


def unique_names(names: list[str]) -> list[str]:
    """`names` with repeats numbered (a, a (2), a (3)), never taking a name another
    column already has; the first of each name keeps it."""
    reserved, used = set(names), set()
    unique = []
    for name in names:
        new, number = name, 1
        while new in used or (new != name and new in reserved):
            number += 1
            new = f"{name} ({number})"
        used.add(new)
        unique.append(new)
    return unique


def export_frame(frame: pl.DataFrame, path: Path, fmt: str | None = None, *,
                 title: str | None = None, brief: str | None = None) -> ExportResult:
    """Write `frame` to `path` in `fmt` (default: from the file suffix).

    Raises only EcondashError, naming the file, whatever went wrong.
    """
    fmt = (fmt or path.suffix.lstrip(".")).lower()
    if fmt not in FORMATS:
        raise EcondashError(f"{path}: unknown export format {fmt!r}; use csv, xlsx or md")
    writers: dict[str, Callable[..., Written]] = {"csv": _csv_bytes, "xlsx": _xlsx_bytes, "md": _md_bytes}
    try:
        data, cut_cells, first_cut = writers[fmt](_flatten(frame), title=title, brief=brief)
    except EcondashError as exc:  # e.g. too many rows for a sheet: say which file
        raise EcondashError(f"{path}: {exc.message}") from None
    except Exception as exc:  # noqa: BLE001 - polars and xlsxwriter raise many kinds
        raise EcondashError(f"{path}: cannot be written as {fmt.upper()}: "
                            f"{_one_line(exc)}") from None
    try:
        atomic_write_bytes(path, data)
    except OSError as exc:
        raise EcondashError(f"{path}: cannot be written: {exc.strerror or exc}") from None
    return ExportResult(path, frame.height, cut_cells, first_cut)


def _one_line(exc: Exception) -> str:
    """The exception's name and first line, safe to print (it may quote the data)."""
    lines = str(exc).strip().splitlines()
    return visible(f"{type(exc).__name__}: {lines[0]}" if lines else type(exc).__name__)


def _flatten(frame: pl.DataFrame) -> pl.DataFrame:
    """Nested or odd columns become text (JSON for lists and structs); the rest keep their type."""
    odd = [(i, name) for i, (name, dtype) in enumerate(frame.schema.items())
           if dtype.is_nested() or dtype == pl.Object]
    as_text = [pl.nth(i).map_elements(_as_text, return_dtype=pl.String, skip_nulls=True)
               .alias(name) for i, name in odd]  # rare, so a per-cell conversion is fine
    return frame.with_columns(as_text) if odd else frame


def _as_text(value: object) -> str:
    if isinstance(value, pl.Series):
        value = value.to_list()
    return json.dumps(value, ensure_ascii=False, default=str)


# Each writer returns the file's bytes, the number of cells it had to cut and the
# (row, column) of the first one.
Written = tuple[bytes, int, tuple[int, str] | None]


def _csv_bytes(frame: pl.DataFrame, **_: object) -> Written:
    buffer = io.BytesIO()
    neutralise(frame).write_csv(buffer, include_bom=True)
    return buffer.getvalue(), 0, None


def _xlsx_bytes(frame: pl.DataFrame, title: str | None = None, **_: object) -> Written:
    import xlsxwriter
    _check_fits_in_a_sheet(frame)
    buffer = io.BytesIO()
    workbook = xlsxwriter.Workbook(buffer, {"strings_to_formulas": False,
                                            "strings_to_urls": False,
                                            "strings_to_numbers": False,
                                            "constant_memory": True, "in_memory": True})
    sheet = workbook.add_worksheet(sheet_name(title))
    # Before any cell: constant_memory writes rows as they come, after the sheet's layout.
    sheet.freeze_panes(1, 0)  # the header stays while scrolling
    for col, width in enumerate(column_widths(frame)):
        sheet.set_column(col, col, width)
    cut_cells, first_cut = _write_cells(sheet, frame, workbook.add_format({"bold": True}))
    workbook.close()
    return buffer.getvalue(), cut_cells, first_cut


def display_width(column: pl.Expr) -> pl.Expr:
    """Per value, about how many character widths it takes: a CJK character (3 UTF-8
    bytes) counts 2, ASCII 1 (a polars expression: no loop over a million rows)."""
    chars = column.str.len_chars()
    return chars + (column.str.len_bytes() - chars) / 2


def column_widths(frame: pl.DataFrame) -> list[float]:
    """Excel column widths that fit each column's header and widest value (numbers as
    Excel shows them, about as wide as their text), within [MIN, MAX] widths."""
    if frame.width == 0:
        return []
    widest = frame.select(
        display_width(pl.nth(i).cast(pl.String)).max().alias(str(i))
        for i in range(frame.width)).row(0) if frame.height else [0] * frame.width
    headers = pl.Series(frame.columns).to_frame("h").select(display_width(pl.col("h")))
    return [min(max(float(head or 0), float(value or 0), COLUMN_MIN_WIDTH) + COLUMN_PADDING,
                COLUMN_MAX_WIDTH)
            for head, value in zip(headers.to_series(), widest)]


def _check_fits_in_a_sheet(frame: pl.DataFrame) -> None:
    if frame.height > EXCEL_MAX_ROWS:
        raise EcondashError(f"{frame.height:,} rows do not fit in one Excel sheet "
                            f"(at most {EXCEL_MAX_ROWS:,}); filter first or export CSV")
    if frame.width > EXCEL_MAX_COLUMNS:
        raise EcondashError(f"{frame.width:,} columns do not fit in one Excel sheet "
                            f"(at most {EXCEL_MAX_COLUMNS:,}); export CSV")


def _write_cells(sheet, frame: pl.DataFrame, bold) -> tuple[int, tuple[int, str] | None]:
    """Header and rows; numbers as numbers, the rest as strings (never formulas).

    Returns how many cells were over Excel's limit (xlsxwriter cuts them) and
    (row, column name) of the first one."""
    cut_cells, first_cut = 0, None
    for col, name in enumerate(frame.columns):
        if sheet.write_string(0, col, name, bold) == XLSXWRITER_CUT:
            cut_cells, first_cut = cut_cells + 1, first_cut or (0, name)
    numeric = [frame.schema[c].is_numeric() for c in frame.columns]
    for row_index, row in enumerate(frame.iter_rows(), start=1):
        for col, value in enumerate(row):
            if value is None:
                continue
            if numeric[col] and value == value and abs(value) != float("inf"):
                sheet.write_number(row_index, col, value)
            elif sheet.write_string(row_index, col, str(value)) == XLSXWRITER_CUT:
                cut_cells, first_cut = cut_cells + 1, first_cut or (row_index, frame.columns[col])
    return cut_cells, first_cut


def sheet_name(title: str | None) -> str:
    """A worksheet name Excel accepts: at most 31 UTF-16 units, none of []:*?/\\ or
    control characters, no apostrophe at either end, not empty, not "History"."""
    name = (title or "").translate(SHEET_NAME_BAD)
    name = _cut_utf16(name, SHEET_NAME_MAX).strip("' ")
    return "econdash" if not name or name.casefold() == "history" else name


def _cut_utf16(text: str, units: int) -> str:
    encoded = text.encode("utf-16-le", errors="surrogatepass")
    if len(encoded) <= 2 * units:
        return text
    return encoded[:2 * units].decode("utf-16-le", errors="ignore")  # drops half a pair


def _md_bytes(frame: pl.DataFrame, title: str | None = None, brief: str | None = None,
              **_: object) -> Written:
    lines = [f"# {title}", ""] if title else []
    if brief:
        lines += [brief, ""]
    shown = neutralise(frame)
    lines.append("| " + " | ".join(_md_cell(c) for c in shown.columns) + " |")
    lines.append("|" + "|".join("---" for _ in shown.columns) + "|")
    for row in shown.iter_rows():
        lines.append("| " + " | ".join(_md_cell(v) for v in row) + " |")
    return ("\n".join(lines) + "\n").encode("utf-8"), 0, None


def _md_cell(value: object) -> str:
    if value is None:
        return ""
    text = fmt_number(value) if isinstance(value, float) else str(value)
    return text.replace("|", "\\|").replace("\r", " ").replace("\n", " ")

