"""Writing an extraction as a period folder: report.toml (+ enterprises.csv, projects.csv).

The period is a draft (`[period] status = "draft"`, `source_file`), and every
indicator and tier carries `quote` (its source sentence) and `quote_line` (the
1-based line of that sentence in the report text): the contract the review
screen reads. Files are written atomically; nothing that exists is overwritten.
"""

from __future__ import annotations

import csv
import io
import math
import re
from collections.abc import Iterable
from pathlib import Path

import tomli_w

from econdash.core.extract.chinese import fold
from econdash.core.extract.ids import IdMatcher, name_key
from econdash.core.extract.proposal import Extraction, Figure, NamedRow
from econdash.core.fs import atomic_write_text
from econdash.core.model.period import Period

CATEGORIES = (("数字经济|软件|互联网|信息", "数字经济"), ("项目|园区|厂房", "项目"),
              ("投资|固投|技改", "投资"), ("企业|家数", "企业"), ("工业|产值|增加值|用电|开票|销售|税收", "工业"))


def report_document(extraction: Extraction, existing: Iterable[tuple[str, str]] = ()) -> dict:
    """The report.toml of an extraction, as a TOML-ready dict."""
    period = Period(extraction.year, *extraction.months)
    head = {"year": extraction.year, "months": list(extraction.months),
            "label": f"{extraction.year}年{period.span_zh}", "status": "draft",
            "source_file": extraction.source_file}
    if extraction.title:
        head["source"] = extraction.title
    matcher = IdMatcher(existing)
    indicators, tiers, seen = [], [], set()
    for figure in extraction.figures:
        if figure.value is None and figure.yoy_pct is None:
            continue
        key = (name_key(figure.name), figure.value, figure.unit, figure.yoy_pct)
        if key in seen or not figure.name:
            continue
        seen.add(key)
        if figure.kind == "tier":
            tiers.append(_tier(figure))
        else:
            indicators.append(_indicator(figure, matcher, extraction.months))
    document: dict[str, object] = {"period": head}
    if indicators:
        document["indicator"] = indicators
    if tiers:
        document["tier"] = tiers
    return document


def _indicator(figure: Figure, matcher: IdMatcher, months: tuple[int, int]) -> dict:
    indicator_id, _ = matcher.id_for(figure.name)
    row: dict = {"id": indicator_id, "name": figure.name, "category": _category(figure)}
    if figure.value is not None and math.isfinite(figure.value):
        row["value"] = _number(figure.value)
    if figure.unit:
        row["unit"] = figure.unit.strip()
    if figure.yoy_pct is not None:
        row["yoy_pct"] = _number(figure.yoy_pct)
    if figure.yoy_pp is not None:
        row["yoy_pp"] = _number(figure.yoy_pp)
        if figure.pp_basis:
            row["pp_basis"] = figure.pp_basis
    if figure.months and figure.months != tuple(months):
        row["months"] = list(figure.months)
    if figure.ranks:
        first, *more = figure.ranks
        row["rank"] = first.rank
        if first.scope:
            row["rank_scope"] = first.scope
        if first.of != "value":
            row["rank_of"] = first.of
        if more:
            row["ranks"] = [{k: v for k, v in (("rank", r.rank), ("scope", r.scope), ("of", r.of))
                             if v is not None} for r in more]
    if figure.completion_pct is not None:
        row["completion_pct"] = _number(figure.completion_pct)
    notes = [figure.note] if figure.note else []
    if figure.kind == "other":
        notes.append("比较、目标或完成率, 不是同比数")
    if notes:
        row["note"] = "; ".join(notes)
    row["quote"] = figure.quote
    row["quote_line"] = figure.line
    return row


def _tier(figure: Figure) -> dict:
    row: dict = {"programme": figure.programme or figure.name}
    if figure.level:
        row["level"] = figure.level
    if figure.status:
        row["status"] = figure.status
    row["count"] = int(figure.value or 0)
    if figure.tier_kind:
        row["kind"] = figure.tier_kind
    row["note"] = figure.name
    row["quote"] = figure.quote
    row["quote_line"] = figure.line
    return row


def _category(figure: Figure) -> str:
    folded = fold(figure.name)
    for pattern, category in CATEGORIES:
        if re.search(pattern, folded):
            return category
    return "其他"


def _number(value: float) -> int | float:
    return int(value) if value == int(value) and abs(value) < 1e15 else value


def _csv(header: list[str], rows: list[list]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue()


def enterprises_csv(rows: list[NamedRow]) -> str:
    """enterprises.csv: one row per named enterprise and honour."""
    seen, out = set(), []
    for row in rows:
        key = (row.name, row.programme)
        if key not in seen:
            seen.add(key)
            out.append([row.name, row.programme or "", row.level or "", row.status or "",
                        row.year or "", f"第{row.line}行: {row.quote[:120]}"])
    return _csv(["enterprise", "programme", "level", "status", "year", "note"], out)


def projects_csv(rows: list[NamedRow]) -> str:
    """projects.csv: one row per named park or project with its rating."""
    seen, out = set(), []
    for row in rows:
        if row.name not in seen:
            seen.add(row.name)
            out.append([row.name, "园区", row.rating or "", f"第{row.line}行: {row.quote[:120]}"])
    return _csv(["name", "category", "rating", "note"], out)


def write_period(extraction: Extraction, folder: Path,
                 existing: Iterable[tuple[str, str]] = ()) -> list[Path]:
    """Write the period folder (which must not exist yet); returns the files written."""
    folder.mkdir(parents=True, exist_ok=False)
    written = [folder / "report.toml"]
    atomic_write_text(written[0], tomli_w.dumps(report_document(extraction, existing)))
    if extraction.enterprises:
        written.append(folder / "enterprises.csv")
        atomic_write_text(written[-1], enterprises_csv(extraction.enterprises))
    if extraction.projects:
        written.append(folder / "projects.csv")
        atomic_write_text(written[-1], projects_csv(extraction.projects))
    return written
