"""Spans of time as reports write them (上半年, 1-5月, 1月份-6月份, 一季度, 前三季度 …)
and the period of a whole report.

Everything here reads FOLDED text (`chinese.fold`): half-width digits and
punctuation, simplified characters, dashes as `-`.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from econdash.core.extract.chinese import cn_number

NAMED = {"第一季度": (1, 3), "一季度": (1, 3), "首季": (1, 3), "第二季度": (4, 6), "二季度": (4, 6),
         "第三季度": (7, 9), "三季度": (7, 9), "第四季度": (10, 12), "四季度": (10, 12),
         "前三季度": (1, 9), "上半年": (1, 6), "下半年": (7, 12), "全年": (1, 12)}
_NAMED = "|".join(sorted(NAMED, key=len, reverse=True))
_MONTH = r"(?:1[0-2]|0?[1-9]|[一二三四五六七八九十]{1,2})"
SPAN = re.compile(
    r"(?:(?P<year>(?:19|20)\d{2})\s*年度?)?\s*(?:今年|本年度?)?"
    r"(?:(?P<a>" + _MONTH + r")\s*月?份?\s*[-至到]\s*(?P<b>" + _MONTH + r")\s*月份?"
    r"|(?P<named>" + _NAMED + r")"
    r"|(?P<one>" + _MONTH + r")\s*月份?(?![\d一二三四五六七八九十]*日))")
YEAR_ONLY = re.compile(r"(?P<year>(?:19|20)\d{2})\s*年度?(?!\d)")
ANY_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})\s*年")
# What may stand before a span at the start of a sentence.
_LEAD = re.compile(r"^[\s(\[【]*(?:[一二三四五六七八九十\d]+[、.)]\s*)?(?:今年|本年|截至|截止|其中|同时|从|自)?\s*")


@dataclass(frozen=True)
class Span:
    """A span found in text: months (None for a year alone) and where it ended."""

    year: int | None
    months: tuple[int, int] | None
    end: int
    text: str


def parse_span(text: str, pos: int = 0) -> Span | None:
    """The span that starts exactly at `pos` of `text`, if any."""
    match = SPAN.match(text, pos)
    if match and match.group(0).strip():
        year = int(match.group("year")) if match.group("year") else None
        months = _months(match)
        if months:
            return Span(year, months, match.end(), match.group(0).strip())
    match = YEAR_ONLY.match(text, pos)
    if match:
        return Span(int(match.group("year")), None, match.end(), match.group(0).strip())
    return None


def _months(match: re.Match) -> tuple[int, int] | None:
    if match.group("named"):
        return NAMED[match.group("named")]
    if match.group("a"):
        first, last = cn_number(match.group("a")), cn_number(match.group("b"))
    else:
        first = last = cn_number(match.group("one"))
    if first is None or last is None or not 1 <= first <= last <= 12:
        return None
    return first, last


def leading_span(sentence: str, clause_start: bool = False) -> Span | None:
    """The span a sentence (or clause) opens with: `2022年1-5月，…`, `一季度，…`,
    `二季度全市…`. A clause that is not a sentence's first counts only when the span
    stands alone before a comma (`…，一季度负增长的**区` is not a span of what follows)."""
    lead = _LEAD.match(sentence)
    pos = lead.end() if lead else 0
    span = parse_span(sentence, pos)
    if span is None:
        return None
    rest = sentence[span.end:span.end + 3].lstrip("份以来 ")
    as_of = re.search(r"(?:截至|截止|到)\s*$", sentence[:pos]) or rest[:1] in ("底", "末")
    if as_of and span.months and span.months[0] == span.months[1]:
        return None  # 截至9月底: a stock at a date, not a one-month figure
    if clause_start and not (rest[:1] in (",", ":") or not rest):
        return None
    if rest.startswith(("的", "负", "同比", "增长", "下降")) and clause_start:
        return None
    return span


@dataclass(frozen=True)
class ReportPeriod:
    """The period a report covers, and how sure the reading is."""

    year: int
    months: tuple[int, int]
    year_guessed: bool
    said: str


def report_period(folded: str, today: dt.date | None = None) -> ReportPeriod:
    """The report's period: a span with months in its title (the first lines), else in
    its text (one with a year first), else a year alone (the whole year). Its year is
    the span's, the title's or the text's; else this year, marked as guessed."""
    head = "\n".join(line for line in folded.splitlines()[:15] if line.strip())
    body = folded[:20000]
    year_match = ANY_YEAR.search(head) or ANY_YEAR.search(body)
    found = _first_with_months(head) or _first_with_months(body, with_year=True)
    if found is None:
        only = YEAR_ONLY.search(body)
        if only:
            found = Span(int(only.group("year")), (1, 12), only.end(), only.group(0))
    found = found or _first_with_months(body)
    year = found.year if found else None
    year = year or (int(year_match.group(1)) if year_match else None)
    guessed = year is None
    if year is None:
        year = (today or dt.date.today()).year
    months = found.months if found and found.months else (1, 12)
    return ReportPeriod(year, months, guessed, found.text if found else "")


def _first_with_months(text: str, with_year: bool = False) -> Span | None:
    for match in SPAN.finditer(text):
        span = parse_span(text, match.start())
        if span and span.months and (span.year or not with_year):
            return span
    return None
