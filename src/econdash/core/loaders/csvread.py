"""Turning a CSV file's bytes into a frame of trimmed, normalised text cells.

Polars does the parsing straight from the file's bytes (UTF-8 is validated by
polars itself); only a GB18030 file is decoded in Python, because polars
reads nothing else. Cells are trimmed and NFKC-normalised after parsing, with
whole-column expressions, and only columns that hold compatibility characters
(full-width digits, ideographic spaces, circled numbers ...) pay for the
normalisation. A full-width comma inside a cell therefore stays in its cell.
"""

from __future__ import annotations

import io
import re
import unicodedata
from dataclasses import dataclass
from typing import cast

import polars as pl

from econdash.core.errors import FileProblem, Problem
from econdash.core.loaders.text import UTF8_BOM, decode, line_of_offset, reject_utf16
from econdash.core.safetext import (
    DANGEROUS,
    DANGEROUS_ESCAPES,
    DANGEROUS_PATTERN,
    clean,
    escape_of,
    has_dangerous,
)

ROW = "\x00row"  # file row number of each record while checking; no header can be this
EXTRA = "\x00extra"  # prefix of columns that catch cells beyond the header's width
EXTRA_COLUMNS = 8  # long rows are counted exactly up to the header's width + this
MAX_ROWS_NAMED = 5  # per column and kind of problem; the rest are counted
SHORT_ROW_CHECK_LIMIT = 32 * 1024 * 1024  # bytes; the line-by-line check costs a full split
WIDE_COLUMNS = 1000  # a table this wide is scanned cell by cell, not column by column
EMPTY_TAIL_COLUMNS = 256  # unnamed columns ending a header that are worth checking for cells
# Characters NFKC changes that people type or paste: Latin-1 symbols, general
# punctuation, letterlike and number forms, circled numbers, CJK compatibility
# blocks, small and full-width forms.
COMPAT_PATTERN = ("[\u00a0-\u00bf\u2000-\u24ff\u2e80-\u2fdf\u3000\u3200-\u33ff"
                  "\uf900-\ufaff\ufb00-\ufb4f\ufe30-\ufe6f\uff00-\uffef]")
# A compatibility character, a character that could act on a terminal, or a cell to trim.
NEEDS_TIDY = rf"{COMPAT_PATTERN}|{DANGEROUS_PATTERN}|^\s|\s$"
_LONE_CR = re.compile(rb"\r(?!\n)")
_DANGEROUS_CHARS = frozenset(DANGEROUS)


@dataclass(frozen=True)
class RawTable:
    """Cells as text (named by the header), the file's encoding, and warnings."""

    frame: pl.DataFrame
    encoding: str


def read_raw(data: bytes, shown: str, problems: list[Problem]) -> RawTable | None:
    """Parse CSV bytes; None (with a located error in `problems`) when it can't be read."""
    try:
        reject_utf16(data, shown)
    except FileProblem as exc:
        problems.append(exc.problem)
        return None
    nul = data.find(b"\x00")
    if nul != -1:
        problems.append(Problem(shown, "contains NUL bytes: this is a binary file (an .xlsx?), "
                                "not text; save it as CSV UTF-8 or CSV from Excel",
                                line=line_of_offset(data, nul)))
        return None
    payload, encoding = (data[3:], "utf-8-sig") if data.startswith(UTF8_BOM) else (data, "utf-8")
    if not payload or payload.isspace():  # stops at the first visible byte: cheap
        return None
    payload = lone_cr_as_newline(payload)
    try:
        try:
            raw = _parse(payload)
        except _NotUtf8:
            decoded = decode(data, shown)  # locates the bad byte, or reads GB18030
            payload = lone_cr_as_newline(decoded.text.encode("utf-8"))
            encoding = decoded.encoding
            raw = _parse(payload)
    except FileProblem as exc:
        problems.append(exc.problem)
        return None
    except (pl.exceptions.PolarsError, _NotUtf8) as exc:
        problems.append(_unparsable(payload, exc, shown))
        return None
    if raw is None or raw.height == 0:
        return None
    frame = _named(raw, shown, problems)
    if frame is None:
        return None
    extras = [c for c in frame.columns if c.startswith(EXTRA)]
    problems.extend(_ragged_rows(frame, extras, payload, shown))
    return RawTable(_tidy(frame.drop(extras), shown, problems), encoding)


def lone_cr_as_newline(payload: bytes) -> bytes:
    """A CR not followed by LF ends a line too: polars splits lines only at LF.

    Excel for Mac's "CSV (Macintosh)" ends every line with CR; a file pasted together
    from two sources can have CRLF lines and then CR lines (F17: their rows were merged
    into one). Files with LF line ends cost a byte search, with CRLF two byte counts.
    """
    if b"\r" not in payload:
        return payload
    if b"\n" not in payload:
        return payload.replace(b"\r", b"\n")
    if payload.count(b"\r") == payload.count(b"\r\n"):
        return payload
    return _LONE_CR.sub(b"\n", payload)


def _unparsable(payload: bytes, exc: Exception, shown: str) -> Problem:
    """Why polars could not parse: an unclosed quote is the usual reason; say where."""
    row = _unclosed_quote_row(payload)
    if row is not None:
        line, column = row
        return Problem(shown, "a quote (\") opens this cell but is never closed", row=line,
                       column=column)
    first_line = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
    return Problem(shown, f"cannot be read as CSV: {first_line}")


def _unclosed_quote_row(payload: bytes) -> tuple[int, str | None] | None:
    """(line, header name) of the cell whose opening quote is never closed, if that's it.

    Only reached when parsing failed, so reading the lines in Python is fine here.
    """
    if payload.count(b'"') % 2 == 0:
        return None
    text = payload.decode("utf-8", errors="replace")
    lines = text.splitlines()
    header = lines[0].split(",") if lines else []
    open_quotes = 0
    for number, line in enumerate(lines, start=1):
        before = open_quotes
        open_quotes += line.count('"')
        if before % 2 == 0 and open_quotes % 2 == 1:
            start, cell = number, line[:line.rfind('"')].count(",")
    column = header[cell].strip() if 0 <= cell < len(header) else None
    return start, column


class _NotUtf8(Exception):
    """Polars found bytes that are not UTF-8."""


def _parse(payload: bytes) -> pl.DataFrame | None:
    """All cells as text, plus one extra column that fills only on too-long rows."""
    try:
        head = pl.read_csv(io.BytesIO(payload), has_header=False, infer_schema=False, n_rows=1,
                           truncate_ragged_lines=True, raise_if_empty=False)
        if head.width == 0:
            return None
        schema = ({f"c{i}": pl.String for i in range(_width_filled(payload, head.row(0)))}
                  | {f"{EXTRA}{i}": pl.String for i in range(EXTRA_COLUMNS)})
        return pl.read_csv(io.BytesIO(payload), has_header=False, schema=schema,
                           missing_columns="insert", extra_columns="ignore",
                           truncate_ragged_lines=True,
                           raise_if_empty=False)
    except pl.exceptions.ComputeError as exc:
        if "utf-8" in str(exc).lower() or "utf8" in str(exc).lower():
            raise _NotUtf8() from None
        raise


def _width_filled(payload: bytes, header: tuple) -> int:
    """The header's width, less the unnamed columns at its end that no row fills.

    Excel can save a sheet with 16,384 columns, all but a few empty and unnamed:
    parsed, they took 750 MB for a 16 MB file. Counting each line's cells is a pass
    over the bytes, so it is done only for a long empty tail, and only when no cell is
    quoted (a quoted cell may hold commas and line breaks).
    """
    named = len(header)
    while named and not _column_name(header[named - 1]):
        named -= 1
    if len(header) - named < EMPTY_TAIL_COLUMNS or b'"' in payload:
        return len(header)
    lines = (pl.Series([payload], dtype=pl.Binary).cast(pl.String, strict=False)
             .str.split("\n").explode())
    if lines.null_count():
        return len(header)  # not UTF-8: the parse says where
    commas = lines.str.strip_chars_end(",\r").str.count_matches(",", literal=True).max()
    return max(named, int(cast(int, commas) or 0) + 1)


def _named(raw: pl.DataFrame, shown: str, problems: list[Problem]) -> pl.DataFrame | None:
    """Name the columns from the header row; None when the header is unusable."""
    extras = [c for c in raw.columns if c.startswith(EXTRA)]
    cells = raw.row(0)[:-len(extras)]
    names = header_names(cells, raw, shown, problems)  # (the extras are past the cells)
    if names is None:
        return None
    body = raw.with_row_index(ROW, offset=1).slice(1)
    if len(names) < len(cells):  # empty unnamed columns left out
        body = body.select(ROW, *names, *extras)
    body.columns = [ROW, *names.values(), *extras]  # by position: a header may say "c1"
    return body


def header_names(header: tuple, raw: pl.DataFrame, shown: str,
                  problems: list[Problem]) -> dict[str, str] | None:
    """Map polars' positional columns to the header's names (None on a bad header)."""
    names: dict[str, str] = {}
    seen: set[str] = set()
    duplicated: list[str] = []
    filled = _filled_unnamed_columns(header, raw)
    for index, (column, cell) in enumerate(zip(raw.columns, header), start=1):
        name = _column_name(cell)
        if not name:
            if column not in filled:
                continue  # an empty trailing column Excel wrote: nothing lost
            name = f"column_{index}"
            problems.append(Problem(shown, f"column {index} has no name in the header; "
                                    f"shown as {name!r}", "warning", row=1))
        elif has_dangerous(name):
            name = clean(name)
            problems.append(Problem(shown, f"the name of column {index} holds control "
                                    f"characters; it is shown as '{name}'", "warning", row=1))
        elif name != unicodedata.normalize("NFKC", cell or "").strip():
            problems.append(Problem(shown, f"column {cell.strip()!r} is shown as {name!r} "
                                    "(that name has a special meaning in tables)", "warning",
                                    row=1))
        if name in seen:
            duplicated.append(name)
        seen.add(name)
        names[column] = name
    for name in dict.fromkeys(duplicated):
        problems.append(Problem(shown, f"the header names column {name!r} more than once",
                                row=1))
    return None if duplicated else names


def _filled_unnamed_columns(header: tuple, raw: pl.DataFrame) -> set[str]:
    """The columns without a name in the header that hold a cell below it (one pass for
    all of them: Excel can write 16,384 empty columns)."""
    unnamed = [column for column, cell in zip(raw.columns, header) if not _column_name(cell)]
    if not unnamed:
        return set()
    flags = raw.slice(1).select(pl.col(unnamed).is_not_null().any()).row(0)
    return {column for column, flag in zip(unnamed, flags) if flag}


def _column_name(cell: str | None) -> str:
    """A header cell as a column name ('' when it names nothing)."""
    return safe_column_name(unicodedata.normalize("NFKC", cell or ""))


def safe_column_name(name: str) -> str:
    """A header polars would read as a wildcard or regex ('*', '^a$') gets a trailing '_'."""
    name = name.strip()
    if name == "*" or (name.startswith("^") and name.endswith("$")):
        return name + "_"
    return name


def _ragged_rows(frame: pl.DataFrame, extras: list[str], payload: bytes,
                 shown: str) -> list[Problem]:
    """Warn about rows whose extra cells hold something (always) or that have fewer cells
    than the header (files up to 32 MB), in row order, naming a few and counting the rest.

    Empty extra cells (Excel's trailing commas) lose nothing and are not reported.
    """
    width = frame.width - 1 - len(extras)
    # The number of cells of a long row: the header's width + the last filled extra cell.
    last_filled = pl.max_horizontal(
        pl.when(pl.col(c).is_not_null()).then(i + 1) for i, c in enumerate(extras))
    ragged = frame.select(pl.col(ROW).cast(pl.Int64).alias("row"),
                          (width + last_filled).cast(pl.Int64).alias("cells")
                          ).filter(pl.col("cells").is_not_null())
    if len(payload) <= SHORT_ROW_CHECK_LIMIT:
        ragged = pl.concat([ragged, _short_rows(payload, width)]).sort("row")
    problems = [
        Problem(shown, f"has {_cells_text(cells, width + len(extras))} cells but the header has "
                f"{width}; " + ("extra cells ignored" if cells > width
                                else "missing cells left empty"), "warning", row=row)
        for row, cells in ragged.head(MAX_ROWS_NAMED).iter_rows()
    ]
    if ragged.height > MAX_ROWS_NAMED:
        problems.append(Problem(shown, f"and {ragged.height - MAX_ROWS_NAMED} more rows with "
                                "the wrong number of cells", "warning"))
    return problems


def _cells_text(cells: int, most: int) -> str:
    return f"at least {cells}" if cells >= most else str(cells)


def _short_rows(payload: bytes, width: int) -> pl.DataFrame:
    """(row, cells) of unquoted lines with fewer commas than the header (no Python loop)."""
    lines = (pl.Series([payload], dtype=pl.Binary).cast(pl.String).str.split("\n").explode()
             .str.strip_chars_end("\r"))
    table = pl.DataFrame({"line": lines}).with_row_index("row", offset=1)
    cells = pl.col("line").str.count_matches(",", literal=True) + 1
    return (table.filter((pl.col("row") > 1) & (pl.col("line").str.len_bytes() > 0)
                         & ~pl.col("line").str.contains('"', literal=True) & (cells < width))
            .select(pl.col("row").cast(pl.Int64), cells.cast(pl.Int64).alias("cells")))


def _tidy(frame: pl.DataFrame, shown: str, problems: list[Problem]) -> pl.DataFrame:
    """NFKC and trim where needed, whitespace-only cells to null, control characters
    escaped (with a warning), drop blank rows.

    One regex scan per column finds the columns that need any of this, so a clean
    million-row column costs a scan rather than a rewrite.
    """
    text_cols = [c for c in frame.columns if c != ROW]
    if not text_cols:
        return frame
    dirty = _matching_columns(frame, text_cols, NEEDS_TIDY)
    if dirty:
        # NFKC first: it can turn an ideographic space into a plain one, which is then trimmed.
        cell = pl.col(dirty).str.normalize("NFKC").str.strip_chars()
        frame = frame.with_columns(pl.when(cell.str.len_bytes() > 0).then(cell).otherwise(None))
        frame = _escape_controls(frame, dirty, shown, problems)
    return _without_blank_rows(frame, text_cols)


def _matching_columns(frame: pl.DataFrame, columns: list[str], pattern: str) -> list[str]:
    """The columns with a cell matching `pattern`: one scan of each column, or for a wide
    table (thousands of columns, per-column work dominating) one scan of all its cells."""
    if len(columns) < WIDE_COLUMNS:
        flags = frame.select(pl.col(columns).str.contains(pattern).any()).row(0)
        return [c for c, flag in zip(columns, flags) if flag]
    matching = set(frame.unpivot(columns).filter(pl.col("value").str.contains(pattern))
                   .get_column("variable"))
    return [c for c in columns if c in matching]


def _without_blank_rows(frame: pl.DataFrame, columns: list[str]) -> pl.DataFrame:
    """The rows with at least one cell (as `_matching_columns`: a wide table in one go)."""
    if len(columns) < WIDE_COLUMNS:
        return frame.filter(~pl.all_horizontal(pl.col(columns).is_null()))
    filled = (frame.unpivot(columns, index=ROW).filter(pl.col("value").is_not_null())
              .get_column(ROW).unique())
    return frame.filter(pl.col(ROW).is_in(filled.implode()))


def _escape_controls(frame: pl.DataFrame, columns: list[str], shown: str,
                     problems: list[Problem]) -> pl.DataFrame:
    """Cells with characters that could act on a terminal (F7) get `safetext.clean`'s
    escapes, and each such column a warning naming its rows.

    A line break inside a quoted cell (CRLF or CR) becomes a plain newline first: it is
    text, not an attack. Only `columns` (those `_tidy` flagged) are looked at.
    """
    risky = _matching_columns(frame, columns, DANGEROUS_PATTERN)
    if not risky:
        return frame
    frame = frame.with_columns(pl.col(risky).str.replace_all("\r\n?", "\n"))
    for name in risky:
        bad = frame.filter(pl.col(name).str.contains(DANGEROUS_PATTERN)).select(ROW, name)
        if bad.height:
            problems.append(_controls_warning(bad, name, shown))
    return frame.with_columns(pl.col(risky).str.replace_many(list(DANGEROUS),
                                                               list(DANGEROUS_ESCAPES)))


def _controls_warning(bad: pl.DataFrame, column: str, shown: str) -> Problem:
    """One warning for a column: its first rows with control characters, then a count."""
    rows = [str(row) for row in bad[ROW].head(MAX_ROWS_NAMED)]
    more = bad.height - len(rows)
    if more:
        where = f"rows {', '.join(rows)} and {more} more hold"
    elif len(rows) > 1:
        where = f"rows {', '.join(rows[:-1])} and {rows[-1]} hold"
    else:
        where = f"row {rows[0]} holds"
    example = escape_of(next(ch for ch in bad[column][0] if ch in _DANGEROUS_CHARS))
    return Problem(shown, f"{where} control characters that could act on a terminal; "
                   f"they are shown as escapes such as {example}", "warning", column=column)
