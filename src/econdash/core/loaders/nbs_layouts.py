"""The shapes inside a 国家统计局 (NBS, data.stats.gov.cn) export: periods, names, layouts.

Pure functions over rows that are already decoded, split into cells, trimmed
and NFKC-normalised (so full-width `：` and `（）` arrive as ASCII). Used by
`econdash.core.loaders.nbs`, which reads the file and assembles the series.

Two layouts exist. The *wide* one has a header row `指标,2019年12月,...` (or
`Indicators,1Q 2026,...`) with one indicator per row; the *transposed* annual
one has an empty top-left cell, indicator names across the header, and one
row per year (`1978年,...`).
"""

from __future__ import annotations

import functools
import hashlib
import re
from dataclasses import dataclass

from econdash.core.errors import FileProblem, Problem

Row = tuple[int, list[str]]  # (file line the row starts on, its cells)

WIDE_HEADER_WORDS = ("指标", "Indicators")  # not "indicator": that is series.csv's header
# Footers start with one of these; everything from there on is notes, not figures.
FOOTER = re.compile(r"^(注|附注|说明|数据来源|资料来源|Notes?|Data Sources?)\s*:", re.IGNORECASE)
META = re.compile(r"^([^:]{1,20}?)\s*:\s*(.*)$")
META_KEYS = {"数据库": "database", "database": "database", "地区": "region", "region": "region",
             "数据来源": "publisher", "data sources": "publisher", "data source": "publisher"}
NUMBERISH = re.compile(r"^[-+]?[\d.,]+%?$")
MAX_SLUG = 40  # ids stay readable; longer slugs end in a hash so they stay unique

# A yoy index: 105.0 means +5.0 % on the year before. (1978=100) or (上月=100) are not yoy.
INDEX_MARK = re.compile(r"\s*\((上年同月|上年同期|上年|preceding year|same (?:period|month|"
                        r"quarter) (?:of )?(?:the )?(?:last|previous|preceding) year)\s*=\s*100\)",
                        re.IGNORECASE)
UNIT = re.compile(r"\s*\(([^()]*)\)$")
# Name endings that say what a row measures and over which span (cumulative or not).
SUFFIXES = (
    (re.compile(r"累计(增长|增速)率?$"), "growth", True),
    (re.compile(r"累计值$"), "value", True),
    (re.compile(r"(当期|同比)(增长|增速)率?$"), "growth", False),
    (re.compile(r"当期值$"), "value", False),
    (re.compile(r",\s*Accumulated Growth Rate$", re.I), "growth", True),
    (re.compile(r",\s*(Current Period )?Growth Rate$", re.I), "growth", False),
    (re.compile(r",\s*Accumulated$", re.I), "value", True),
    (re.compile(r",\s*Current (Quarter|Month|Period)$", re.I), "value", False),
)
INDEX_WORDS = re.compile(r"^(Indices|Index) of\s+|\s+Index$|指数$", re.IGNORECASE)

MONTHS_EN = {m: i for i, m in enumerate(
    "jan feb mar apr may jun jul aug sep oct nov dec".split(), start=1)}
QUARTERS_ZH = {"一": 1, "二": 2, "三": 3, "四": 4}
PERIOD_PATTERNS = (
    ("month", re.compile(r"^(?P<y>\d{4})年(?P<a>\d{1,2})月$")),
    ("range", re.compile(r"^(?P<y>\d{4})年(?P<a>\d{1,2})[-~至](?P<b>\d{1,2})月$")),
    ("quarter", re.compile(r"^(?P<y>\d{4})年?第?(?P<a>[1-4一二三四])季度$")),
    ("quarter", re.compile(r"^(?P<a>[1-4])Q\s*(?P<y>\d{4})$", re.I)),
    ("quarter", re.compile(r"^(?P<y>\d{4})\s*Q(?P<a>[1-4])$", re.I)),
    ("month_en", re.compile(r"^(?P<a>[A-Za-z]{3})[a-z]*\.?\s+(?P<y>\d{4})$")),
    ("year", re.compile(r"^(?P<y>\d{4})年?$")),
)


@dataclass(frozen=True)
class Period:
    """One column (or row) label: a month, quarter, year or explicit month range."""

    year: int
    first: int
    last: int
    expands: bool  # a month or quarter: "cumulative" widens it to start in January

    def span(self, cumulative: bool) -> tuple[int, int]:
        """(first_month, last_month) for a cumulative or a single-period figure."""
        return (1, self.last) if cumulative and self.expands else (self.first, self.last)


@dataclass(frozen=True)
class NameParts:
    """An indicator name taken apart: `房地产投资累计值(亿元)` → 房地产投资, 亿元, value, cumulative."""

    base: str
    unit: str | None
    measure: str  # "value", "growth" (a yoy %) or "index" (preceding year = 100)
    cumulative: bool


@dataclass(frozen=True)
class RawCell:
    """One non-empty figure cell, before it is parsed as a number."""

    line: int
    column: str  # the header label over the cell, for messages
    name: str
    period: Period
    text: str


@dataclass(frozen=True)
class Layout:
    """The figure cells of a file, whether its names are English, and what was odd."""

    cells: list[RawCell]
    english: bool
    problems: list[Problem]


def parse_period(label: str) -> Period | None:
    """`2019年12月`, `2019年1-2月`, `1Q 2026`, `2019年第一季度`, `Dec 2019`, `1978年`; else None."""
    for kind, pattern in PERIOD_PATTERNS:
        match = pattern.match(label)
        if match:
            parts = match.groupdict()
            return _period(kind, int(parts["y"]), parts.get("a", ""), parts.get("b", ""))
    return None


def _period(kind: str, year: int, a: str, b: str) -> Period | None:
    """The Period for one matched label, or None when its numbers are out of range."""
    if not 1800 <= year <= 2200:
        return None
    if kind == "year":
        return Period(year, 1, 12, False)
    if kind == "quarter":
        q = QUARTERS_ZH.get(a) or int(a)
        return Period(year, 3 * q - 2, 3 * q, True)
    month = MONTHS_EN.get(a.lower(), 0) if kind == "month_en" else int(a)
    end = int(b) if kind == "range" else month
    if not 1 <= month <= end <= 12:
        return None
    return Period(year, month, end, kind != "range")


@functools.lru_cache(maxsize=4096)
def split_name(raw: str) -> NameParts:
    """Peel the index mark, trailing `(unit)` and span suffixes off an indicator name."""
    text, marks = INDEX_MARK.subn("", raw)
    unit, measure, cumulative = None, "index" if marks else "value", False
    while True:
        text = text.strip(" ,")
        if match := UNIT.search(text):
            unit = unit or match.group(1).strip() or None  # the outermost (last) one
            text = text[:match.start()]
            continue
        hit = next(((p, m, c) for p, m, c in SUFFIXES if p.search(text)), None)
        if hit is None or not hit[0].sub("", text).strip(" ,"):
            break
        text, cumulative = hit[0].sub("", text), hit[2]
        measure = measure if measure == "index" else hit[1]
    if measure == "index":
        text = INDEX_WORDS.sub("", text).strip(" ,")
    # A growth rate or index row's "(%)" is not the indicator's unit.
    return NameParts(text or raw, unit if measure == "value" else None, measure, cumulative)


def indicator_id(base: str) -> str:
    """`nbs_` + a lowercase slug of an English name, or 10 hex of sha1 of any other name."""
    digest = hashlib.sha1(base.encode("utf-8")).hexdigest()
    slug = re.sub(r"[^a-z0-9]+", "_", base.lower()).strip("_") if base.isascii() else ""
    if not slug:
        return "nbs_" + digest[:10]
    if len(slug) > MAX_SLUG:
        slug = slug[:MAX_SLUG - 7].rstrip("_") + "_" + digest[:6]
    return "nbs_" + slug


def read_metadata(rows: list[Row]) -> dict[str, str]:
    """`数据库：…`, `地区：…`, `数据来源：…` (and English) rows → database, region, publisher."""
    found: dict[str, str] = {}
    for _, cells in rows:
        match = META.match(cells[0]) if cells else None
        key = META_KEYS.get(match.group(1).strip().casefold()) if match else None
        if key and match and match.group(2).strip():
            found.setdefault(key, match.group(2).strip())
    return found


def looks_like_export(rows: list[Row]) -> bool:
    """A cheap test on a file's first rows: NBS metadata or either header."""
    for _, cells in rows:
        if cells and re.match(r"^(数据库|Database)\s*:", cells[0], re.IGNORECASE):
            return True
    return find_wide_header(rows) is not None or find_transposed_header(rows) is not None


def find_wide_header(rows: list[Row]) -> int | None:
    """Index of the `指标,…` / `Indicators,…` row, if any."""
    return next((i for i, (_, cells) in enumerate(rows) if cells[0] in WIDE_HEADER_WORDS), None)


def find_transposed_header(rows: list[Row]) -> int | None:
    """Index of a row with an empty first cell, names after it, and a period row below."""
    for i in range(len(rows) - 1):
        cells, below = rows[i][1], rows[i + 1][1]
        if not cells[0] and any(cells[1:]) and parse_period(below[0]) is not None:
            return i
    return None


def read_layout(rows: list[Row], shown: str) -> Layout:
    """The figure cells of whichever layout the rows have; FileProblem for neither."""
    at = find_wide_header(rows)
    if at is not None:
        return _wide(rows, at, shown)
    at = find_transposed_header(rows)
    if at is not None:
        return _transposed(rows, at, shown)
    raise FileProblem(Problem(shown, "not a statistics export: no 指标 header row found (nor a "
                              "row of indicator names above rows labelled like 1978年)"))


def _wide(rows: list[Row], at: int, shown: str) -> Layout:
    """One indicator per row, one period per column (newest first, as NBS writes it)."""
    line, header = rows[at][0], _trim(rows[at][1])
    periods, problems = _header_periods(header, line, shown)
    cells: list[RawCell] = []
    for line, row in _body(rows[at + 1:]):
        row = _trim(row)
        width = _name_width(row, len(header))
        name = ", ".join(row[:width])
        if not name:
            problems.append(Problem(shown, "a row of figures has no indicator name; row skipped",
                                    severity="warning", line=line))
            continue
        if len(row) - width > len(header) - 1:
            problems.append(Problem(shown, f"has {len(row) - width} figures but the header has "
                                    f"{len(header) - 1} periods; the extra ones at the end are "
                                    "ignored", severity="warning", line=line))
        cells.extend(RawCell(line, label, name, period, text)
                     for (label, period), text in zip(periods, row[width:]) if period and text)
    return Layout(cells, header[0].isascii(), problems)


def _name_width(row: list[str], header_width: int) -> int:
    """How many leading cells make up the name.

    An unquoted comma inside an English name (`Gross Domestic Product, Current
    Quarter`) gives the row extra cells; text cells are rejoined, but a number
    never is, so a stray figure at the end cannot shift every column.
    """
    width = 1
    while (width <= len(row) - header_width and row[width]
           and not NUMBERISH.match(row[width])):
        width += 1
    return width


def _header_periods(header: list[str], line: int, shown: str,
                    ) -> tuple[list[tuple[str, Period | None]], list[Problem]]:
    """Each column's label and period; columns without a period are warned about once."""
    periods = [(label, parse_period(label)) for label in header[1:]]
    if not any(period for _, period in periods):
        raise FileProblem(Problem(shown, f"the {header[0]} header row has no period columns "
                                  "like 2019年12月, 1Q 2026 or 2019年", line=line))
    problems = [Problem(shown, f"column {label!r} is not a period like 2019年12月; its cells "
                        "are skipped", severity="warning", line=line, column=label)
                for label, period in periods if label and period is None]
    return periods, problems


def _transposed(rows: list[Row], at: int, shown: str) -> Layout:
    """One indicator per column, one year (or month) per row."""
    names = rows[at][1][1:]
    cells: list[RawCell] = []
    problems: list[Problem] = []
    for line, row in _body(rows[at + 1:]):
        period = parse_period(row[0])
        if period is None:
            problems.append(Problem(shown, f"row label {row[0]!r} is not a period like 1978年; "
                                    "row skipped", severity="warning", line=line))
            continue
        cells.extend(RawCell(line, name, name, period, text)
                     for name, text in zip(names, row[1:]) if name and text)
    return Layout(cells, all(name.isascii() for name in names), problems)


def _body(rows: list[Row]) -> list[Row]:
    """The rows below a header, up to the first footer line (notes are not figures)."""
    end = next((i for i, (_, cells) in enumerate(rows) if FOOTER.match(cells[0])), len(rows))
    return rows[:end]


def _trim(cells: list[str]) -> list[str]:
    """Cells without the empty ones at the end (NBS rows end with a stray comma)."""
    end = len(cells)
    while end and not cells[end - 1]:
        end -= 1
    return cells[:end]
