"""Exports for Excel and reports: CSV (UTF-8 with BOM), XLSX and Markdown.

What goes out is exactly the frame given (the rows a table shows). Text cells
that Excel would run as a formula (leading = + - @ tab or CR) are neutralised
with a leading apostrophe in CSV and Markdown; in XLSX they are written as
string cells, which Excel never runs. Numbers stay numbers. Files are written
atomically.
"""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import polars as pl

from econdash.errors import EcondashError
from econdash.model.dataset import PeriodData
from econdash.store import atomic_write_bytes
from econdash.numfmt import fmt_number

FORMATS = ("csv", "xlsx", "md")
FORMULA_START = r"^[=+\-@\t\r]"
EXCEL_MAX_ROWS = 1_048_575  # plus the header row


def neutralise(frame: pl.DataFrame) -> pl.DataFrame:
    """Prefix text cells (and header names) a spreadsheet would evaluate with an apostrophe."""
    frame = frame.rename({c: "'" + c for c in frame.columns if re.match(FORMULA_START, c)})
    text = [name for name, dtype in frame.schema.items() if dtype == pl.String]
    if not text:
        return frame
    return frame.with_columns(
        pl.when(pl.col(c).str.contains(FORMULA_START)).then("'" + pl.col(c))
        .otherwise(pl.col(c)).alias(c) for c in text)


def export_frame(frame: pl.DataFrame, path: Path, fmt: str | None = None, *,
                 title: str | None = None, brief: str | None = None) -> Path:
    """Write `frame` to `path` in `fmt` (default: from the file suffix)."""
    fmt = (fmt or path.suffix.lstrip(".")).lower()
    if fmt not in FORMATS:
        raise EcondashError(f"{path}: unknown export format {fmt!r}; use csv, xlsx or md")
    writers = {"csv": _csv_bytes, "xlsx": _xlsx_bytes, "md": _md_bytes}
    data = writers[fmt](_flatten(frame), title=title, brief=brief)
    try:
        atomic_write_bytes(path, data)
    except OSError as exc:
        raise EcondashError(f"{path}: cannot be written: {exc.strerror}") from None
    return path


def _flatten(frame: pl.DataFrame) -> pl.DataFrame:
    """Nested or odd columns become text (JSON for lists and structs); the rest keep their type."""
    odd = [n for n, t in frame.schema.items() if t.is_nested() or t == pl.Object]
    as_text = [pl.col(c).map_elements(_as_text, return_dtype=pl.String, skip_nulls=True)
               for c in odd]  # rare, so a per-cell conversion is fine
    return frame.with_columns(as_text) if odd else frame


def _as_text(value: object) -> str:
    if isinstance(value, pl.Series):
        value = value.to_list()
    return json.dumps(value, ensure_ascii=False, default=str)


def _csv_bytes(frame: pl.DataFrame, **_: object) -> bytes:
    buffer = io.BytesIO()
    neutralise(frame).write_csv(buffer, include_bom=True)
    return buffer.getvalue()


def _xlsx_bytes(frame: pl.DataFrame, title: str | None = None, **_: object) -> bytes:
    import xlsxwriter
    if frame.height > EXCEL_MAX_ROWS:
        raise EcondashError(f"{frame.height:,} rows do not fit in one Excel sheet "
                            f"(at most {EXCEL_MAX_ROWS:,}); filter first or export CSV")
    buffer = io.BytesIO()
    workbook = xlsxwriter.Workbook(buffer, {"strings_to_formulas": False,
                                            "strings_to_urls": False,
                                            "strings_to_numbers": False,
                                            "constant_memory": True, "in_memory": True})
    sheet = workbook.add_worksheet((title or "econdash")[:31].translate(str.maketrans("[]:*?/\\", "_______")))
    bold = workbook.add_format({"bold": True})
    for col, name in enumerate(frame.columns):
        sheet.write_string(0, col, name, bold)
    numeric = [frame.schema[c].is_numeric() for c in frame.columns]
    for row_index, row in enumerate(frame.iter_rows(), start=1):
        for col, value in enumerate(row):
            if value is None:
                continue
            if numeric[col] and value == value and abs(value) != float("inf"):
                sheet.write_number(row_index, col, value)
            else:
                sheet.write_string(row_index, col, str(value))
    workbook.close()
    return buffer.getvalue()


def _md_bytes(frame: pl.DataFrame, title: str | None = None, brief: str | None = None,
              **_: object) -> bytes:
    lines = [f"# {title}", ""] if title else []
    if brief:
        lines += [brief, ""]
    shown = neutralise(frame)
    lines.append("| " + " | ".join(_md_cell(c) for c in shown.columns) + " |")
    lines.append("|" + "|".join("---" for _ in shown.columns) + "|")
    for row in shown.iter_rows():
        lines.append("| " + " | ".join(_md_cell(v) for v in row) + " |")
    return ("\n".join(lines) + "\n").encode("utf-8")


def _md_cell(value: object) -> str:
    if value is None:
        return ""
    text = fmt_number(value) if isinstance(value, float) else str(value)
    return text.replace("|", "\\|").replace("\r", " ").replace("\n", " ")


def period_brief(period: PeriodData, lang: str = "zh") -> str:
    """A short Markdown brief: headline figures with growth and rank, largest movers."""
    from econdash.model.dataset import headline_indicators
    zh = lang != "en"
    lines = [f"**{period.title(lang)}**" + (f" · {period.region}" if period.region else "")]
    if period.source:
        lines.append(("来源：" if zh else "Source: ") + period.source)
    lines.append("")
    for ind in headline_indicators(period.indicators):
        parts = [f"- {ind.display_name(lang)}"]
        if ind.value is not None:
            parts.append(f"{fmt_number(ind.value)}{ind.unit or ''}")
        if ind.yoy_pct is not None:
            parts.append(("同比" if zh else "YoY ") + f"{ind.yoy_pct:+g}%")
        if ind.rank is not None:
            parts.append(f"{ind.rank_scope or ''}第{ind.rank}" if zh else f"rank {ind.rank}")
        if ind.span != period.period:
            parts.append(f"({ind.span.span(lang)})")
        lines.append(" ".join(parts))
    growth = sorted((i for i in period.indicators if i.yoy_pct is not None),
                    key=lambda i: i.yoy_pct)  # type: ignore[arg-type, return-value]
    if len(growth) >= 2:
        top = ", ".join(f"{i.display_name(lang)} {i.yoy_pct:+g}%" for i in growth[::-1][:3])
        bottom = ", ".join(f"{i.display_name(lang)} {i.yoy_pct:+g}%" for i in growth[:3])
        lines += ["", ("增长最快：" if zh else "Fastest growth: ") + top,
                  ("增长最慢：" if zh else "Slowest growth: ") + bottom]
    return "\n".join(lines)
