"""report.toml: the period, its indicators and its tier counts.

Every key is checked with its line; all problems in the file are collected
(not just the first) so one `econdash check` run shows everything to fix.
"""

from __future__ import annotations

import datetime as dt
import re
import sys
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from econdash.core.errors import FileProblem, Problem, did_you_mean
from econdash.core.loaders.text import decode, read_bytes
from econdash.core.loaders.toml_lines import TomlLines, long_number_line, nesting_line
from econdash.core.loaders.toml_table import TableReader
from econdash.core.model.dataset import Indicator, RankEntry, Tier
from econdash.core.model.period import Period

TOP_KEYS = ("period", "indicator", "tier")
PERIOD_KEYS = ("year", "months", "label", "region", "source", "published", "status",
               "source_file")
STATUSES = ("final", "draft")
INDICATOR_KEYS = ("id", "name", "name_en", "category", "value", "unit", "yoy_pct", "months",
                  "rank", "rank_scope", "target", "target_of", "parent", "note", "headline")
# Contract v1.1 (docs/dataset-format.md, "Extended figures").
EXTENDED_KEYS = ("yoy_pp", "pp_basis", "rank_of", "ranks", "completion_pct", "quote", "quote_line")
TIER_KEYS = ("programme", "programme_en", "level", "status", "count", "note", "kind", "quote",
             "quote_line")
RANK_KEYS = ("rank", "scope", "of")
RANK_OF = ("value", "growth")
TIER_KINDS = ("new", "total")
ID_PATTERN = re.compile(r"^[a-z0-9_]+$")  # (also read by polars: keep to shared syntax)
PLAUSIBLE_YEARS = (1900, 2200)
TOML_ERROR_AT = re.compile(r"\(at line (\d+), column (\d+)\)")
# Nesting a report never needs (it has two or three levels), and well within what tomllib
# parses before Python's recursion limit (about 450 levels from a shallow stack): a file
# that makes tomllib recurse too deeply has a line nested deeper than this to point at.
MAX_NESTING = 100


@dataclass
class Report:
    """What one report.toml says, before it is joined with its CSV files."""

    period: Period | None = None
    label: str | None = None
    region: str | None = None
    source: str | None = None
    published: dt.date | None = None
    status: str = "final"
    source_file: str | None = None
    indicators: list[Indicator] = field(default_factory=list)
    tiers: list[Tier] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    encoding: str | None = None
    rank_tables: int = 0


def load_report(path: Path, shown: str) -> Report:
    """Parse and check one report.toml; problems are returned, not raised."""
    report = Report()
    try:
        decoded = decode(read_bytes(path, shown), shown)
    except FileProblem as exc:
        report.problems.append(exc.problem)
        return report
    report.encoding = decoded.encoding
    if decoded.encoding == "gb18030":
        report.problems.append(Problem(shown, "is saved as GB18030; TOML files should be "
                                       "UTF-8 (it was read anyway)", "warning"))
    try:
        data = parse_toml(decoded.text, shown)
    except FileProblem as exc:
        report.problems.append(exc.problem)
        return report
    lines = TomlLines(decoded.text)
    _read_top(data, lines, shown, report)
    return report


def parse_toml(text: str, shown: str) -> dict:
    """`tomllib.loads` for a dataset's TOML file; whatever stops it is a located
    FileProblem naming the file: a syntax error, values nested deeper than the parser's
    recursion reaches, or an integer too long for Python to convert."""
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        problem = toml_syntax_problem(exc, shown, text)
    except RecursionError:
        problem = Problem(shown, f"values are nested more than {MAX_NESTING} levels deep; a "
                          "report needs two or three (are brackets repeated by mistake?)",
                          line=nesting_line(text, MAX_NESTING))
    except ValueError as exc:  # int()'s digit limit, which tomllib lets through
        digits = _digits_in(str(exc))
        problem = Problem(shown, f"a number of {digits:,} digits is too long to read; a figure "
                          "has at most 15 digits before the decimal point",
                          line=long_number_line(text, digits))
    raise FileProblem(problem)


def _digits_in(message: str) -> int:
    """How long the number int() refused was ("... value has 5001 digits; ...")."""
    match = re.search(r"has (\d+) digits", message)
    return int(match.group(1)) if match else sys.get_int_max_str_digits() + 1


def toml_syntax_problem(exc: tomllib.TOMLDecodeError, shown: str, text: str = "") -> Problem:
    """A located TOML syntax error, in words for the usual slips (quotes, repeated keys)."""
    message = str(exc)
    match = TOML_ERROR_AT.search(message)
    line = int(match.group(1)) if match else None
    what = TOML_ERROR_AT.sub("", message).strip().rstrip(".")
    source = text.splitlines()[line - 1] if line and line <= len(text.splitlines()) else ""
    what = _plain_toml_error(what, source)
    if match and "given twice" not in what:
        what += f" (column {match.group(2)})"
    return Problem(shown, f"TOML syntax error: {what}", line=line)


def _plain_toml_error(what: str, source: str) -> str:
    """tomllib's wording, replaced where a person's likely slip is known."""
    if "“" in source or "”" in source:
        return "“ ” are Chinese quotes; TOML text needs straight quotes: \"...\""
    if what.startswith("Illegal character '\\n'") and source.count('"') % 2 == 1:
        return 'the text is not closed; add the closing " at the end of the line'
    if what == "Cannot overwrite a value" and "=" in source:
        key = source.split("=", 1)[0].strip().strip("\"'")
        return f"{key!r} is given twice in this table; keep one"
    return what


def _read_top(data: dict, lines: TomlLines, shown: str, report: Report) -> None:
    top = TableReader(data, "report", 0, lines, shown, report.problems)
    top.label = "report"
    top.check_keys(TOP_KEYS)
    if "period" not in data:
        report.problems.append(Problem(shown, "the [period] table is missing; it says which "
                                       "year and months the report covers, e.g. "
                                       "[period] year = 2022, months = [1, 6]"))
    elif isinstance(data["period"], list):
        report.problems.append(Problem(shown, "period: write [period] with single brackets; "
                                       "a report has one period", line=lines.table("period")))
    else:
        _read_period(TableReader(data["period"], "period", 0, lines, shown, report.problems), report)
    for key, reader in (("indicator", _read_indicator), ("tier", _read_tier)):
        tables = data.get(key, [])
        if not isinstance(tables, list):
            top.error(key, f"must be written as [[{key}]] tables")
            continue
        for index, table in enumerate(tables):
            reader(TableReader(table, key, index, lines, shown, report.problems), report)


def _read_period(table: TableReader, report: Report) -> None:
    table.check_keys(PERIOD_KEYS)
    year = table.integer("year", required=True)
    months = table.months("months", required=True)
    if year is not None and not PLAUSIBLE_YEARS[0] <= year <= PLAUSIBLE_YEARS[1]:
        table.error("year", f"{year} is not a plausible year")
        year = None
    if year is not None and months is not None:
        report.period = Period(year, *months)
    report.label = table.text("label")
    report.region = table.text("region")
    report.source = table.text("source")
    report.published = table.date("published")
    status = table.text("status") or "final"
    if status not in STATUSES:
        table.error("status", f'must be "final" or "draft", not {status!r}')
    else:
        report.status = status
    report.source_file = table.text("source_file")


def _read_indicator(table: TableReader, report: Report) -> None:
    indicator_id = table.text("id", required=True)
    if indicator_id is not None:
        table.name_self(indicator_id)
    _check_indicator_keys(table)
    if indicator_id is not None:
        if not ID_PATTERN.match(indicator_id):
            table.error("id", id_rule(indicator_id))
            indicator_id = None
    name, category = table.text("name", required=True), table.text("category", required=True)
    months = table.months("months")
    target_of = table.text("target_of") or "yoy_pct"
    if target_of not in ("yoy_pct", "value"):
        table.error("target_of", f"must be \"yoy_pct\" or \"value\", not {target_of!r}")
    rank = table.integer("rank")
    value, yoy_pct, target = table.number("value"), table.number("yoy_pct"), table.number("target")
    name_en, unit, rank_scope, parent, note = (
        table.text(key) for key in ("name_en", "unit", "rank_scope", "parent", "note"))
    headline = table.boolean("headline")
    extended = _read_extended(table, report, rank, rank_scope)
    if indicator_id is None or name is None or category is None or report.period is None:
        return
    span = Period(report.period.year, *months) if months else report.period
    report.indicators.append(Indicator(
        id=indicator_id, name=name, category=category, span=span, rank=rank,
        target_of=target_of, headline=headline, line=table.line(None), value=value, yoy_pct=yoy_pct,
        target=target, name_en=name_en, unit=unit, rank_scope=rank_scope, parent=parent, note=note,
        **extended))


def _check_indicator_keys(table: TableReader) -> None:
    """TableReader.check_keys, with the v1 keys first in the hints: a slip such as `yoy`
    still points at `yoy_pct`, not at the newer `yoy_pp`."""
    for key in table.table:
        if key in INDICATOR_KEYS or key in EXTENDED_KEYS:
            continue
        hint = did_you_mean(key, [k for k in INDICATOR_KEYS if k not in table.table]) \
            or did_you_mean(key, [k for k in EXTENDED_KEYS if k not in table.table])
        if hint:
            table.error(key, f"unknown key{hint}")
        else:
            table.error(key, "unknown key; ignored", severity="warning")


def _read_extended(table: TableReader, report: Report, rank: int | None,
                   rank_scope: str | None) -> dict:
    """The optional keys of contract v1.1: yoy_pp (+ pp_basis), rank_of, [[indicator.ranks]],
    completion_pct, quote and quote_line (docs/dataset-format.md, "Extended figures")."""
    rank_of = table.text("rank_of") or "value"
    if rank_of not in RANK_OF:
        table.error("rank_of", f"must be \"value\" or \"growth\", not {rank_of!r}")
        rank_of = "value"
    ranks = [RankEntry(rank, rank_scope, rank_of)] if rank is not None else []
    raw = table.table.get("ranks", [])
    if not isinstance(raw, list):
        table.error("ranks", "must be written as [[indicator.ranks]] tables")
        raw = []
    for entry in raw:
        sub = TableReader(entry, "indicator.ranks", report.rank_tables, table.lines, table.shown,
                          report.problems)
        report.rank_tables += 1
        sub.check_keys(RANK_KEYS)
        number, scope, of = sub.integer("rank", required=True), sub.text("scope"), sub.text("of")
        if of is not None and of not in RANK_OF:
            sub.error("of", f"must be \"value\" or \"growth\", not {of!r}")
            of = None
        if number is not None:
            ranks.append(RankEntry(number, scope, of or "value"))
    quote_line = table.integer("quote_line")
    return dict(yoy_pp=table.number("yoy_pp"), pp_basis=table.text("pp_basis"), rank_of=rank_of,
                ranks=tuple(ranks), completion_pct=table.number("completion_pct"),
                quote=table.text("quote"), quote_line=quote_line)


def id_rule(bad_id: str) -> str:
    """What is wrong with an indicator id ID_PATTERN refuses, with a suggestion."""
    suggestion = re.sub(r"[^a-z0-9_]+", "_", bad_id.lower()).strip("_")
    hint = f" (e.g. {suggestion!r})" if suggestion else ""
    return f"must use only a-z, 0-9 and _ so it stays the same across periods{hint}"


def _read_tier(table: TableReader, report: Report) -> None:
    table.check_keys(TIER_KEYS)
    programme = table.text("programme", required=True)
    # A draft may leave a count empty ("" or absent): new-period proposes the tiers of
    # the last period with their counts to fill in; `check` names each one left empty.
    blank = report.status == "draft" and table.table.get("count", "") == ""
    count = None if blank else table.integer("count", required=True)
    if count is not None and count < 0:
        table.error("count", f"a count of enterprises cannot be negative ({count})")
        count = None
    level, status = table.text("level"), table.text("status")
    programme_en, note = table.text("programme_en"), table.text("note")
    kind = table.text("kind")
    if kind is not None and kind not in TIER_KINDS:
        table.error("kind", f"must be \"new\" (新增) or \"total\" (累计/总数), not {kind!r}")
        kind = None
    quote, quote_line = table.text("quote"), table.integer("quote_line")
    if programme is None or (count is None and not blank):
        return
    report.tiers.append(Tier(programme=programme, level=level, status=status, count=count,
                             programme_en=programme_en, note=note, kind=kind, quote=quote,
                             quote_line=quote_line))
